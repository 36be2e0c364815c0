package dev.jita.drivers.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Browser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** An Ansible execution started, watched to its end and stopped from the web UI, in a real browser. */
class AnsibleWebUiTest extends AnsibleTestSupport {

    @Test
    void anExecutionIsStartedAndWatchedToCompletionThenAnotherIsStopped() throws Exception {
        Assumptions.assumeTrue(ansibleInstalled(), "ansible-playbook is not installed (Debian package ansible-core)");
        Assumptions.assumeTrue(Browser.available(), "chromium and chromium-driver (Debian packages) are not installed");
        scenario(play("""
                    - name: say hello
                      debug:
                        msg: "{{ greeting }}"
                    - name: take a while
                      command: sleep {{ seconds | default(2) }}
                """), null);
        try (Browser session = Browser.open(port)) {
            WebDriver browser = session.driver();
            session.logIn(org, "owner", "owner-pass");
            browser.get(session.url("/ui/ws/" + org + "/ws1/ansible"));
            new Select(browser.findElement(By.id("movement"))).selectByValue("mv1");
            new Select(browser.findElement(By.id("operation"))).selectByValue("op1");
            browser.findElement(By.id("execute")).click();

            session.live().until(ExpectedConditions.urlMatches(".*/ansible/[0-9a-f-]{36}$"));
            session.live().until(d -> "5".equals(d.findElement(By.id("status")).getDomAttribute("data-status-id")));
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Completed");
            assertThat(browser.findElement(By.id("log-console")).getText()).contains("hello-from-jita");
            assertThat(browser.findElement(By.id("log-console")).getText()).doesNotContain(PASSWORD);
            assertThat(browser.findElements(By.id("scram-form")).get(0).isDisplayed()).isFalse();
            session.screenshot("ansible-execution");

            record("subst_value_list_ansible_legacy", java.util.Map.of("operation", "op1",
                    "movement", "mv1", "host", "web1", "variable_name", "seconds", "value", "120"));
            browser.get(session.url("/ui/ws/" + org + "/ws1/ansible"));
            browser.findElement(By.id("execute")).click();
            session.live().until(d -> "3".equals(d.findElement(By.id("status")).getDomAttribute("data-status-id")));
            browser.findElement(By.id("scram")).click();
            browser.switchTo().alert().accept();
            session.live().until(d -> "8".equals(d.findElement(By.id("status")).getDomAttribute("data-status-id")));
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Emergency stop");
        }
    }
}
