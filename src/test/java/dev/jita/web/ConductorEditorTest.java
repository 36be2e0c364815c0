package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Browser;
import dev.jita.test.Http;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The conductor editor in a real browser: classes built only through the editor (adding, dragging and connecting
 * nodes, choosing movements, conditions and cases), saved, and read back through the API; the server's reasons
 * shown by the node they name; stale and load-mode saves; the class page's diagram.
 */
class ConductorEditorTest extends ConductorEditorSupport {

    @Test
    void aConditionalBranchClassIsBuiltInTheEditorSavedAndDrawn() throws IOException {
        openNewEditor("deploy");
        browser.findElement(By.id("conductor-note")).sendKeys("built in the editor");
        String start = add("start");
        String movement = add("movement");
        choose("node-orchestra", "Ansible Legacy");
        choose("node-movement", "mv1");
        choose("node-operation", "op1");
        browser.findElement(By.id("node-note")).sendKeys("first step");
        String branch = add("conditional-branch");
        String ok = add("end");
        String failed = add("end");
        choose("node-end-type", "Abend");

        select(start);
        String x = browser.findElement(By.id("node-x")).getDomProperty("value");
        String y = browser.findElement(By.id("node-y")).getDomProperty("value");
        new Actions(browser).dragAndDropBy(node(start), 0, 120).perform();
        session.live().until(d -> !d.findElement(By.id("node-y")).getDomProperty("value").equals(y));
        assertThat(browser.findElement(By.id("node-x")).getDomProperty("value")).isEqualTo(x);
        int draggedY = Integer.parseInt(browser.findElement(By.id("node-y")).getDomProperty("value"));
        assertThat(draggedY).isGreaterThan(Integer.parseInt(y) + 60);

        connectByDragging(start, movement);
        connect(movement, branch);
        connect(branch, ok);
        connect(branch, failed);
        select(branch);
        // The first out is "Normal end" by default, the second "otherwise"; a warning end also leads to ok.
        assertThat(browser.findElement(By.id("cond-terminal-5-5")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("cond-terminal-7-9999")).isSelected()).isTrue();
        browser.findElement(By.id("cond-terminal-5-14")).click();
        session.screenshot("conductor-editor");

        String id = saveAndOpen();
        assertThat(browser.findElements(By.cssSelector("#diagram g.cd-node"))).hasSize(5);
        assertThat(browser.findElements(By.cssSelector("#diagram g.cd-edge"))).hasSize(4);
        assertThat(browser.findElement(By.id("class-name")).getText()).isEqualTo("deploy");
        assertThat(browser.findElement(By.id("saved")).isDisplayed()).isTrue();
        session.screenshot("conductor-class");

        JsonNode stored = owner.get(classes + id + "/").data();
        assertThat(new TreeSet<>(names(stored, "node-"))).containsExactly(start, movement, branch, ok, failed);
        assertThat(stored.path("conductor").path("conductor_name").asString()).isEqualTo("deploy");
        assertThat(stored.path("conductor").path("note").asString()).isEqualTo("built in the editor");
        assertThat(stored.path(start).path("type").asString()).isEqualTo("start");
        assertThat(stored.path(start).path("y").asInt()).isEqualTo(draggedY);
        JsonNode mv = stored.path(movement);
        assertThat(mv.path("type").asString()).isEqualTo("movement");
        assertThat(mv.path("orchestra_id").asString()).isEqualTo("1");
        assertThat(mv.path("movement_name").asString()).isEqualTo("mv1");
        assertThat(mv.path("movement_id").asString()).matches("[0-9a-f-]{36}");
        assertThat(mv.path("operation_name").asString()).isEqualTo("op1");
        assertThat(mv.path("skip_flag").asString()).isEqualTo("0");
        assertThat(mv.path("note").asString()).isEqualTo("first step");
        assertThat(stored.path(branch).path("type").asString()).isEqualTo("conditional-branch");
        assertThat(stored.path(branch).path("terminal").path("terminal-5").path("condition").toString())
                .isEqualTo("[\"5\",\"14\"]");
        assertThat(stored.path(branch).path("terminal").path("terminal-7").path("condition").toString())
                .isEqualTo("[\"9999\"]");
        assertThat(stored.path(ok).path("end_type").asString()).isEqualTo("6");
        assertThat(stored.path(failed).path("end_type").asString()).isEqualTo("7");
        assertThat(names(stored, "line-")).hasSize(4);
        assertThat(List.of(runs(stored, "line-1"), runs(stored, "line-2"), runs(stored, "line-3"), runs(stored, "line-4")))
                .containsExactly(start + " → " + movement, movement + " → " + branch, branch + " → " + ok,
                        branch + " → " + failed);
        assertTerminalsAgree(stored);
        assertThat(stored.path("config").path("nodeNumber").asInt()).isEqualTo(5);
        assertThat(stored.path("config").path("terminalNumber").asInt()).isEqualTo(8);
        assertThat(stored.path("config").path("edgeNumber").asInt()).isEqualTo(4);
        // Valid as stored: the API takes it back unchanged.
        Http.Reply again = owner.patch(classes + "maintenance/" + id + "/", stored);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);

        // The renderer colours nodes by node status, as the instance pages will use it.
        browser.navigate().refresh();
        ((JavascriptExecutor) browser).executeScript("var svg = document.getElementById('diagram');"
                + "ConductorDiagram.render(svg, JSON.parse(svg.getAttribute('data-class')), arguments[0]);",
                Map.of(movement, "3", branch, 6));
        WebElement executing = node(movement);
        assertThat(executing.getDomAttribute("data-status")).isEqualTo("3");
        assertThat(executing.getDomAttribute("class")).contains("cd-status-3");
        assertThat(executing.getText()).contains("Executing");
        assertThat(node(branch).getDomAttribute("class")).contains("cd-status-6");
        assertThat(node(start).getDomAttribute("data-status")).isNull();
        assertThat(browser.findElements(By.cssSelector("#diagram g.cd-edge"))).hasSize(4);
    }

    @Test
    void theServersReasonsAreShownByTheNodeTheyNameAndAStaleSaveIsRefused() throws IOException {
        openNewEditor("with-reasons");
        String start = add("start");
        String movement = add("movement");
        String end = add("end");
        connect(start, movement);
        connect(movement, end);
        browser.findElement(By.id("save")).click();
        assertThat(shownReasons(movement)).contains("movement_id or movement_name is required");
        WebElement nextToNode = session.live().until(d -> d.findElement(
                By.cssSelector("#diagram text[data-error-node='" + movement + "']")));
        assertThat(nextToNode.getDomProperty("textContent")).contains("movement_id or movement_name is required");
        assertThat(node(movement).getDomAttribute("class")).contains("cd-invalid");
        session.screenshot("conductor-editor-reasons");
        assertThat(browser.findElement(By.id("save-error")).getText()).contains("499-00201");
        assertThat(shownReasons(start)).isEmpty();
        assertThat(owner.get("/api/" + org + "/workspaces/ws1/ita/menu/conductor_class_list/filter/count/").data().asInt())
                .isZero();

        select(movement);
        assertThat(browser.findElement(By.id("node-errors")).getText()).contains("movement_id or movement_name is required");
        choose("node-movement", "mv2");
        String id = saveAndOpen();
        assertThat(owner.get(classes + id + "/").data().path(movement).path("movement_name").asString()).isEqualTo("mv2");

        browser.findElement(By.id("edit-class")).click();
        session.live().until(ExpectedConditions.presenceOfElementLocated(By.id("save")));
        select(movement);
        choose("node-movement", "mv1");
        ObjectNode changed = (ObjectNode) owner.get(classes + id + "/").data();
        ((ObjectNode) changed.get("conductor")).put("note", "changed elsewhere");
        assertThat(owner.patch(classes + "maintenance/" + id + "/", changed).status()).isEqualTo(200);
        browser.findElement(By.id("save")).click();
        assertThat(shownReasons("conductor")).contains("changed by someone else");
        JsonNode stored = owner.get(classes + id + "/").data();
        assertThat(stored.path(movement).path("movement_name").asString()).isEqualTo("mv2");
        assertThat(stored.path("conductor").path("note").asString()).isEqualTo("changed elsewhere");
    }

    @Test
    void aParallelBranchAndMergeClassAndLoadModesRefusal() {
        openNewEditor("parallel");
        String start = add("start");
        String parallel = add("parallel-branch");
        String first = add("movement");
        choose("node-movement", "mv1");
        String second = add("movement");
        choose("node-movement", "mv2");
        browser.findElement(By.id("node-skip")).click();
        String merge = add("merge");
        String end = add("end");
        connect(start, parallel);
        connectByDragging(parallel, first);
        connect(parallel, second);
        connect(first, merge);
        connect(second, merge);
        connect(merge, end);

        // A node added by mistake and removed with its edge leaves no trace.
        String stray = add("pause");
        connect(parallel, stray);
        select(stray);
        browser.findElement(By.id("delete-node")).click();
        session.live().until(d -> d.findElements(By.cssSelector("#diagram g.cd-node[data-node='" + stray + "']")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#diagram g.cd-edge"))).hasSize(6);

        String id = saveAndOpen();
        assertThat(browser.findElements(By.cssSelector("#diagram g.cd-node"))).hasSize(6);
        assertThat(browser.findElements(By.cssSelector("#diagram g.cd-edge"))).hasSize(6);
        JsonNode stored = owner.get(classes + id + "/").data();
        assertThat(new TreeSet<>(names(stored, "node-"))).containsExactlyInAnyOrder(start, parallel, first, second, merge, end);
        assertThat(stored.path(parallel).path("type").asString()).isEqualTo("parallel-branch");
        assertThat(stored.path(merge).path("type").asString()).isEqualTo("merge");
        assertThat(stored.path(second).path("skip_flag").asString()).isEqualTo("1");
        assertThat(stored.path(first).path("movement_name").asString()).isEqualTo("mv1");
        assertThat(stored.path(second).path("movement_name").asString()).isEqualTo("mv2");
        assertThat(names(stored, "line-").stream().map(line -> runs(stored, line)).toList()).containsExactlyInAnyOrder(
                start + " → " + parallel, parallel + " → " + first, parallel + " → " + second, first + " → " + merge,
                second + " → " + merge, merge + " → " + end);
        assertThat(stored.path(merge).path("terminal").size()).isEqualTo(3);
        assertTerminalsAgree(stored);

        browser.findElement(By.id("edit-class")).click();
        session.live().until(ExpectedConditions.presenceOfElementLocated(By.id("save")));
        setModes("0", "1");
        try {
            browser.findElement(By.id("save")).click();
            session.live().until(d -> d.findElement(By.id("save-error")).getText().contains("498-00005"));
            browser.navigate().refresh();
            session.live().until(ExpectedConditions.presenceOfElementLocated(By.id("read-only-notice")));
            assertThat(browser.findElements(By.id("save"))).isEmpty();
        } finally {
            setModes("0", "0");
        }
    }

    @Test
    void aCallAStatusFileBranchAndAPauseAndAnEdgeDeletedInTheDiagram() {
        String callee = owner.post(classes + "maintenance/", ConductorPagesTest.MINIMAL.replace("\"c1\"", "\"callee\""))
                .data().path("conductor_class_id").asString();
        openNewEditor("caller");
        String start = add("start");
        String call = add("call");
        choose("node-call", "callee");
        choose("node-operation", "op1");
        browser.findElement(By.id("node-skip")).click();
        String branch = add("status-file-branch");
        String pause = add("pause");
        browser.findElement(By.id("node-note")).sendKeys("wait for the operator");
        String end = add("end");
        String warned = add("end");
        choose("node-end-type", "Warning end");
        connect(start, call);
        connect(call, branch);

        // An edge removed in the diagram: clicked, then deleted, its terminals gone with it.
        browser.findElement(By.cssSelector("#diagram g.cd-edge[data-edge='line-2']")).click();
        session.live().until(ExpectedConditions.presenceOfElementLocated(By.id("edge-panel")));
        browser.findElement(By.id("delete-edge")).click();
        session.live().until(d -> d.findElements(By.cssSelector("#diagram g.cd-edge")).size() == 1);
        connect(call, branch);
        connect(branch, pause);
        connect(branch, warned);
        connect(pause, end);

        select(branch);
        // The first out is case 1, the second the else; the else moves with its box.
        assertThat(browser.findElement(By.id("case-else-terminal-9")).isSelected()).isTrue();
        browser.findElement(By.id("case-else-terminal-7")).click();
        session.live().until(d -> !d.findElement(By.id("case-else-terminal-9")).isSelected());
        browser.findElement(By.id("case-else-terminal-9")).click();
        session.live().until(d -> d.findElements(By.id("case-value-terminal-7")).size() == 1);
        browser.findElement(By.id("case-value-terminal-7")).sendKeys("ok");

        String id = saveAndOpen();
        assertThat(browser.findElements(By.cssSelector("#diagram g.cd-node"))).hasSize(6);
        assertThat(browser.findElements(By.cssSelector("#diagram g.cd-edge"))).hasSize(5);
        JsonNode stored = owner.get(classes + id + "/").data();
        assertThat(names(stored, "line-")).containsExactlyInAnyOrder("line-1", "line-3", "line-4", "line-5", "line-6");
        assertThat(runs(stored, "line-3")).isEqualTo(call + " → " + branch);
        assertThat(stored.path(call).path("terminal").size()).isEqualTo(2);
        assertTerminalsAgree(stored);
        JsonNode called = stored.path(call);
        assertThat(called.path("type").asString()).isEqualTo("call");
        assertThat(called.path("call_conductor_id").asString()).isEqualTo(callee);
        assertThat(called.path("call_conductor_name").asString()).isEqualTo("callee");
        assertThat(called.path("operation_name").asString()).isEqualTo("op1");
        assertThat(called.path("skip_flag").asString()).isEqualTo("1");
        JsonNode cases = stored.path(branch).path("terminal");
        assertThat(cases.path("terminal-7").path("case").asString()).isEqualTo("1");
        assertThat(cases.path("terminal-7").path("condition").toString()).isEqualTo("[\"ok\"]");
        assertThat(cases.path("terminal-9").path("case").asString()).isEqualTo("else");
        assertThat(stored.path(pause).path("type").asString()).isEqualTo("pause");
        assertThat(stored.path(pause).path("note").asString()).isEqualTo("wait for the operator");
        assertThat(stored.path(warned).path("end_type").asString()).isEqualTo("8");
        assertThat(stored.path("config").path("edgeNumber").asInt()).isEqualTo(6);
        assertThat(stored.path("config").path("terminalNumber").asInt()).isEqualTo(12);
    }
}
