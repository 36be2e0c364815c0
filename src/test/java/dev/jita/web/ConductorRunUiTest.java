package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A conductor built in the editor, executed from its class page and watched on its instance page until it
 * ends: the diagram's nodes change colour with their statuses, and the pause is released with its button.
 */
@TestPropertySource(properties = {"jita.conductor.enabled=true", "jita.ansible.enabled=true",
        "jita.backyard.enabled=true", "jita.backyard.poll-interval=100ms", "jita.conductor.monitoring-cycle=200ms"})
class ConductorRunUiTest extends ConductorEditorSupport {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    @BeforeEach
    void playbook() {
        String menus = "/api/" + org + "/workspaces/ws1/ita/menu/";
        String playbook = "- hosts: all\n  gather_facts: false\n  tasks:\n    - command: /bin/true\n";
        post(menus + "device_list/maintenance/", Map.of("parameter", Map.of("host_name", "web1",
                "ip_address", "127.0.0.1", "login_user", "deploy", "connection_type", "local")));
        post(menus + "playbook_files/maintenance/", Map.of(
                "parameter", Map.of("playbook_name", "mv1.yml", "playbook_file", "mv1.yml"),
                "file", Map.of("playbook_file", Base64.getEncoder().encodeToString(playbook.getBytes(StandardCharsets.UTF_8)))));
        post(menus + "movement_playbook_link/maintenance/", Map.of("parameter",
                Map.of("movement", "mv1", "playbook_file", "mv1.yml", "include_order", 1)));
        post(menus + "target_host_ansible_legacy/maintenance/", Map.of("parameter",
                Map.of("operation", "op1", "movement", "mv1", "host", "web1")));
    }

    private void post(String path, Map<String, Object> body) {
        Http.Reply reply = owner.post(path, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private String diagramStatus(String node) {
        return browser.findElement(By.cssSelector("#diagram g.cd-node[data-node='" + node + "']")).getDomAttribute("data-status");
    }

    @Test
    void aClassBuiltInTheEditorRunsAndIsWatchedToItsEnd() {
        openNewEditor("watched");
        String start = add("start");
        String movement = add("movement");
        choose("node-orchestra", "Ansible Legacy");
        choose("node-movement", "mv1");
        String pause = add("pause");
        String end = add("end");
        connect(start, movement);
        connect(movement, pause);
        connect(pause, end);
        saveAndOpen();

        new Select(browser.findElement(By.id("execute-operation"))).selectByVisibleText("op1");
        browser.findElement(By.id("execute")).click();
        // Buttons post forms: the page is loaded again under the wait, and what it found a moment ago goes stale.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.urlContains("/conductor-instances/"));
        wait.until(d -> !"1".equals(d.findElement(By.id("status")).getDomAttribute("data-status-id"))
                && !"3".equals(d.findElement(By.id("status")).getDomAttribute("data-status-id")));
        assertThat(browser.findElement(By.id("status")).getDomAttribute("data-status-id"))
                .as(browser.findElement(By.id("nodes")).getText()).isEqualTo("5");
        assertThat(diagramStatus(movement)).isEqualTo("5");
        assertThat(diagramStatus(pause)).isEqualTo("11");
        assertThat(diagramStatus(end)).isEqualTo("1");
        assertThat(browser.findElement(By.id("scram-form")).isDisplayed()).isTrue();

        browser.findElement(By.cssSelector("#nodes tr[data-node='" + pause + "'] button.release")).click();
        wait.until(d -> "6".equals(d.findElement(By.id("status")).getDomAttribute("data-status-id")));
        for (String node : new String[] {start, movement, pause, end}) {
            String key = node;
            wait.until(d -> "5".equals(diagramStatus(key)));
        }
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Normal end");
        assertThat(browser.findElement(By.id("scram-form")).isDisplayed()).isFalse();

        browser.findElement(By.cssSelector("#nodes tr[data-node='" + movement + "'] .node-link a")).click();
        wait.until(ExpectedConditions.urlContains("/ansible/"));
        wait.until(d -> "5".equals(d.findElement(By.id("status")).getDomAttribute("data-status-id")));

        browser.navigate().back();
        browser.findElement(By.id("to-instances")).click();
        wait.until(d -> d.findElements(By.cssSelector("#instances a.instance-link")).size() == 1);
    }
}
