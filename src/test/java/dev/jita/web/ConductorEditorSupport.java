package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.BrowserTest;
import dev.jita.test.Http;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * What the browser tests of conductor pages share: a workspace with Ansible movements mv1 and mv2 and
 * operation op1, an owner logged in to a real browser, and the steps of building a class in the editor.
 */
abstract class ConductorEditorSupport extends BrowserTest {

    String org;
    Http owner;
    String classes;

    @BeforeEach
    void workspaceAndBrowser() throws IOException {
        org = unique("ce-org");
        createOrganization(org, "owner", "owner-pass");
        owner = http().as("owner", "owner-pass");
        createWorkspace(owner, org, "ws1");
        String menus = "/api/" + org + "/workspaces/ws1/ita/menu/";
        for (String[] record : new String[][] {{"movement_list_ansible_legacy", "movement_name", "mv1"},
                {"movement_list_ansible_legacy", "movement_name", "mv2"}, {"operation_list", "operation_name", "op1"}}) {
            Http.Reply reply = owner.post(menus + record[0] + "/maintenance/", Map.of("parameter", Map.of(record[1], record[2])));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }
        classes = menus + "conductor_class_edit/conductor/class/";
        browser.manage().window().setSize(new Dimension(1600, 1100));
        session.logIn(org, "owner", "owner-pass");
    }

    WebElement node(String key) {
        return browser.findElement(By.cssSelector("#diagram g.cd-node[data-node='" + key + "']"));
    }

    String selectedNode() {
        List<WebElement> panel = browser.findElements(By.id("node-panel"));
        return panel.isEmpty() ? null : panel.get(0).getDomAttribute("data-node");
    }

    void select(String key) {
        node(key).click();
        session.live().until(d -> key.equals(selectedNode()));
    }

    /** Adds a node of the type from the toolbar; its key. */
    String add(String type) {
        String before = selectedNode();
        browser.findElement(By.id("add-" + type)).click();
        session.live().until(d -> selectedNode() != null && !selectedNode().equals(before));
        return selectedNode();
    }

    void connect(String from, String to) {
        select(from);
        new Select(browser.findElement(By.id("connect-target"))).selectByValue(to);
        browser.findElement(By.id("connect")).click();
        session.live().until(d -> !d.findElements(By.cssSelector("#node-edges li")).isEmpty()
                && d.findElement(By.id("node-edges")).getText().contains(from + " → " + to));
    }

    void connectByDragging(String from, String to) {
        WebElement handle = browser.findElement(By.cssSelector("#diagram [data-handle='" + from + "']"));
        new Actions(browser).clickAndHold(handle).moveToElement(node(to)).release().perform();
        session.live().until(d -> d.findElements(By.cssSelector("#diagram g.cd-edge")).stream()
                .anyMatch(e -> edgeRuns(e.getDomAttribute("data-edge"), from, to)));
    }

    boolean edgeRuns(String line, String from, String to) {
        Object runs = ((JavascriptExecutor) browser).executeScript(
                "var t = document.querySelector('#diagram g.cd-edge[data-edge=\"' + arguments[0] + '\"] title');"
                        + "return t ? t.textContent : '';", line);
        return String.valueOf(runs).equals(line + ": " + from + " → " + to);
    }

    void choose(String id, String visibleText) {
        new Select(browser.findElement(By.id(id))).selectByVisibleText(visibleText);
    }

    void openNewEditor(String name) {
        browser.get(session.url("/ui/ws/" + org + "/ws1/menu/operation_list"));
        browser.findElement(By.id("conductor-classes")).click();
        session.live().until(ExpectedConditions.presenceOfElementLocated(By.id("new-class"))).click();
        session.live().until(ExpectedConditions.presenceOfElementLocated(By.id("diagram")));
        browser.findElement(By.id("conductor-name")).sendKeys(name);
    }

    /** Saves and waits for the class page; the new class's id. */
    String saveAndOpen() {
        browser.findElement(By.id("save")).click();
        session.live().until(ExpectedConditions.urlContains("?saved"));
        String url = browser.getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    }

    /** The reasons the editor shows after a refused save, by the key they name. */
    String shownReasons(String key) {
        session.live().until(d -> d.findElement(By.id("save-result")).isDisplayed());
        return String.join("\n", browser.findElements(By.cssSelector("#save-errors li[data-key='" + key + "']"))
                .stream().map(WebElement::getText).toList());
    }

    static void assertTerminalsAgree(JsonNode stored) {
        for (String line : names(stored, "line-")) {
            JsonNode edge = stored.path(line);
            JsonNode out = stored.path(edge.path("outNode").asString()).path("terminal").path(edge.path("outTerminal").asString());
            JsonNode in = stored.path(edge.path("inNode").asString()).path("terminal").path(edge.path("inTerminal").asString());
            assertThat(out.path("type").asString()).as(line).isEqualTo("out");
            assertThat(out.path("edge").asString()).as(line).isEqualTo(line);
            assertThat(out.path("targetNode").asString()).as(line).isEqualTo(edge.path("inNode").asString());
            assertThat(in.path("type").asString()).as(line).isEqualTo("in");
            assertThat(in.path("edge").asString()).as(line).isEqualTo(line);
            assertThat(in.path("targetNode").asString()).as(line).isEqualTo(edge.path("outNode").asString());
        }
    }

    static List<String> names(JsonNode stored, String prefix) {
        List<String> keys = new ArrayList<>();
        stored.propertyNames().forEach(key -> {
            if (key.startsWith(prefix)) {
                keys.add(key);
            }
        });
        return keys;
    }

    static String runs(JsonNode stored, String line) {
        return stored.path(line).path("outNode").asString() + " → " + stored.path(line).path("inNode").asString();
    }
}
