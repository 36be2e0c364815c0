package dev.jita.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the platform scripts of {@code tools/} (organizations, plans, usages, common settings, initial settings
 * of Ansible) against the real server, answering their prompts on stdin as an operator types them.
 */
class PlatformToolsScriptTest extends ApiTest {

    private static final Path TOOLS = Path.of("tools").toAbsolutePath();
    private static final String CREDENTIALS = ADMIN + "\n" + ADMIN_PASSWORD + "\n";
    private static final String SETTING_KEY = "platform.system.audit_log.retention_days";

    @TempDir
    Path temp;

    private Path conf;

    @BeforeAll
    static void bashAndCurlAreInstalled() {
        assumeTrue(onPath("bash") && onPath("curl"), "bash or curl is not on PATH: the scripts cannot be run");
    }

    @BeforeEach
    void confForThisServer() throws IOException {
        conf = Files.writeString(temp.resolve("api-auth.conf"),
                "CONF_BASE_URL=http://127.0.0.1:" + port + "\nCURL_OPT=-s\n");
    }

    /** Every script of Exastro's platform tools/ has its counterpart, runnable, under the same name. */
    @Test
    void everyExastroPlatformScriptHasACounterpart() {
        List<String> exastroScripts = List.of("add-organization-plan.sh", "add-plan.sh", "create-organization.sh",
                "delete-organization-plan.sh", "delete-organization.sh", "get-backyard-execute-check.sh",
                "get-initial-settings-ansible.sh", "get-ita-loglevel.sh", "get-maintenance-mode-setting.sh",
                "get-organization-list.sh", "get-organization-plan-list.sh", "get-plan-item-list.sh",
                "get-plan-list.sh", "get-setting-common.sh", "get-usage-list.sh", "initial-settings-ansible.sh",
                "update-ita-loglevel.sh", "update-maintenance-mode-setting.sh", "update-setting-common.sh");
        for (String script : exastroScripts) {
            assertThat(TOOLS.resolve(script)).as(script).isRegularFile().isExecutable();
        }
    }

    @Test
    void organizationsAreCreatedFromPromptsOrAFileListedAndDeleted() throws IOException {
        String org = unique("org");
        Run created = run("create-organization.sh", org + "\n" + org + " name\nchief\nchief@example.com\nChief\nOne\n"
                + "chief-pass \"quoted\"\n\n" + CREDENTIALS + "Y\n");
        assertThat(created.exit()).as(created.output()).isZero();
        assertThat(created.output()).contains("000-00000").doesNotContain("chief-pass");
        assertThat(http().as("chief", "chief-pass \"quoted\"").get("/api/" + org + "/platform/workspaces").status())
                .isEqualTo(200);

        String fromFile = unique("org");
        Path file = json(Http.JSON.writeValueAsString(organizationBody(fromFile, "boss", "boss-secret")));
        Run fileRun = run("create-organization.sh", CREDENTIALS + "Y\n", "--retry", file.toString());
        assertThat(fileRun.exit()).as(fileRun.output()).isZero();
        assertThat(fileRun.output()).doesNotContain("boss-secret");
        Run again = run("create-organization.sh", CREDENTIALS + "Y\n", file.toString());
        assertThat(again.exit()).as(again.output()).isEqualTo(1);
        assertThat(again.output()).contains("400-00001");

        Run list = run("get-organization-list.sh", CREDENTIALS);
        assertThat(list.exit()).as(list.output()).isZero();
        assertThat(list.output()).contains("\"" + org + "\"").contains("\"" + fromFile + "\"");

        Run declined = run("delete-organization.sh", org + "\n" + CREDENTIALS + "n\n");
        assertThat(declined.exit()).isEqualTo(1);
        assertThat(admin().get("/api/platform/organizations/" + org).status()).isEqualTo(200);
        Run deleted = run("delete-organization.sh", org + "\n" + CREDENTIALS + "Y\n");
        assertThat(deleted.exit()).as(deleted.output()).isZero();
        assertThat(admin().get("/api/platform/organizations/" + org).status()).isEqualTo(404);
        Run missing = run("delete-organization.sh", org + "\n" + CREDENTIALS + "Y\n");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.output()).contains("404-00001");
    }

    @Test
    void plansAreListedAddedAndGivenToAnOrganizationFromADate() throws IOException {
        Run items = run("get-plan-item-list.sh", CREDENTIALS);
        assertThat(items.exit()).as(items.output()).isZero();
        assertThat(items.output()).contains("platform.workspaces").contains("\"default\"");

        // The shipped sample, under a new id: it sets every plan item.
        String plan = unique("plan");
        String sample = Files.readString(TOOLS.resolve("add-plan.sample.json")).replace("\"plan-small\"", "\"" + plan + "\"");
        Run added = run("add-plan.sh", CREDENTIALS + "Y\n", json(sample).toString());
        assertThat(added.exit()).as(added.output()).isZero();
        Run duplicate = run("add-plan.sh", CREDENTIALS + "Y\n", json(sample).toString());
        assertThat(duplicate.exit()).isEqualTo(1);
        assertThat(duplicate.output()).contains("400-27004");
        Run plans = run("get-plan-list.sh", CREDENTIALS);
        assertThat(plans.exit()).as(plans.output()).isZero();
        assertThat(plans.output()).contains("\"" + plan + "\"");

        String org = unique("org");
        createOrganization(org, "boss", "boss-pass");
        String assignment = Files.readString(TOOLS.resolve("add-organization-plan.sample.json"))
                .replace("\"plan-small\"", "\"" + plan + "\"");
        Run assigned = run("add-organization-plan.sh", org + "\n" + CREDENTIALS + "Y\n", json(assignment).toString());
        assertThat(assigned.exit()).as(assigned.output()).isZero();
        Run orgPlans = run("get-organization-plan-list.sh", org + "\n" + CREDENTIALS);
        assertThat(orgPlans.exit()).as(orgPlans.output()).isZero();
        assertThat(orgPlans.output()).contains("\"" + plan + "\"").contains("2026-12-01 00:00:00");

        Run removed = run("delete-organization-plan.sh", org + "\n2026-12-01 00:00:00\n" + CREDENTIALS + "Y\n");
        assertThat(removed.exit()).as(removed.output()).isZero();
        assertThat(admin().get("/api/platform/" + org + "/plans").data().size()).isZero();
        Run gone = run("delete-organization-plan.sh", org + "\n2026-12-01 00:00:00\n" + CREDENTIALS + "Y\n");
        assertThat(gone.exit()).isEqualTo(1);
        assertThat(gone.output()).contains("404-27002");
    }

    @Test
    void usagesOfOneOrganizationOrOfAll() {
        String org = unique("org");
        createOrganization(org, "boss", "boss-pass");
        createWorkspace(http().as("boss", "boss-pass"), org, "ws1");

        Run one = run("get-usage-list.sh", org + "\n" + CREDENTIALS);
        assertThat(one.exit()).as(one.output()).isZero();
        String compact = one.output().replace(" ", "").replace("\n", "");
        assertThat(compact).contains("\"data\":[{\"organization_id\":\"" + org + "\",\"usages\":[")
                .contains("{\"id\":\"platform.workspaces\",\"current_value\":1}");
        Run all = run("get-usage-list.sh", "\n" + CREDENTIALS);
        assertThat(all.exit()).as(all.output()).isZero();
        assertThat(all.output()).contains(org);
        Run unknown = run("get-usage-list.sh", "no-such-org\n" + CREDENTIALS);
        assertThat(unknown.exit()).isEqualTo(1);
    }

    @Test
    void commonSettingsAreReadAndChanged() {
        try {
            Run list = run("get-setting-common.sh", CREDENTIALS);
            assertThat(list.exit()).as(list.output()).isZero();
            assertThat(list.output()).contains(SETTING_KEY);

            Run updated = run("update-setting-common.sh", SETTING_KEY + "\n" + CREDENTIALS + "Y\n",
                    TOOLS.resolve("update-setting-common.sample.json").toString());
            assertThat(updated.exit()).as(updated.output()).isZero();
            assertThat(admin().get("/api/platform/settings/common").data().toString())
                    .contains("\"key\":\"" + SETTING_KEY + "\",\"value\":\"400\"");
            Run unknown = run("update-setting-common.sh", "no.such.key\n" + CREDENTIALS + "Y\n",
                    TOOLS.resolve("update-setting-common.sample.json").toString());
            assertThat(unknown.exit()).isEqualTo(1);
            assertThat(unknown.output()).contains("404-20001");
            Run usage = run("update-setting-common.sh", CREDENTIALS);
            assertThat(usage.exit()).isEqualTo(1);
            assertThat(usage.output()).contains("Usage: update-setting-common.sh");
        } finally {
            admin().put("/api/platform/settings/common/" + SETTING_KEY,
                    Map.of("value", "365", "description", "Audit log retention days"));
        }
    }

    @Test
    void initialSettingsOfAnsibleAreStoredAndShown() {
        String org = unique("org");
        createOrganization(org, "boss", "boss-pass");
        String sample = TOOLS.resolve("initial-settings-ansible.sample.json").toString();

        Run noOrganization = run("initial-settings-ansible.sh", "\n", sample);
        assertThat(noOrganization.exit()).isEqualTo(1);
        assertThat(noOrganization.output()).contains("please enter organization id");
        Run stored = run("initial-settings-ansible.sh", org + "\n" + CREDENTIALS + "Y\n", sample);
        assertThat(stored.exit()).as(stored.output()).isZero();
        assertThat(admin().get("/api/ita/" + org + "/initial-settings/ansible/").data()
                .path("execution_engine_list").get(0).asString()).isEqualTo("Ansible-Core");

        Run one = run("get-initial-settings-ansible.sh", org + "\n" + CREDENTIALS);
        assertThat(one.exit()).as(one.output()).isZero();
        assertThat(one.output()).contains("interface_info_ansible");
        Run all = run("get-initial-settings-ansible.sh", "\n" + CREDENTIALS);
        assertThat(all.exit()).as(all.output()).isZero();
        assertThat(all.output()).contains("\"" + org + "\"");
        Run unknown = run("get-initial-settings-ansible.sh", "no-such-org\n" + CREDENTIALS);
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.output()).contains("490-02001");
    }

    @Test
    void wrongPasswordsAndOrganizationUsersFail() {
        String org = unique("org");
        createOrganization(org, "boss", "boss-pass");
        String wrong = ADMIN + "\nnot-the-password\nY\n";
        for (String script : List.of("get-organization-list.sh", "get-plan-list.sh", "get-plan-item-list.sh",
                "get-setting-common.sh")) {
            Run run = run(script, wrong);
            assertThat(run.exit()).as(script + ": " + run.output()).isEqualTo(1);
            assertThat(run.output()).contains("401-00002");
            Run manager = run(script, "boss\nboss-pass\n");
            assertThat(manager.exit()).as(script + ": " + manager.output()).isEqualTo(1);
            assertThat(manager.output()).contains("403-00001");
        }
    }

    private Path json(String content) throws IOException {
        return Files.writeString(Files.createTempFile(temp, "body", ".json"), content);
    }

    private Run run(String script, String input, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", TOOLS.resolve(script).toString()));
        command.addAll(List.of(args));
        return Run.of(command, input, conf, temp, null);
    }

    private static boolean onPath(String command) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, command))) {
                return true;
            }
        }
        return false;
    }
}
