package dev.jita.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.BackyardItems;
import dev.jita.backyard.ClaimedItem;
import dev.jita.backyard.ItemProgress;
import dev.jita.backyard.JobHandler;
import dev.jita.execution.WorkArea;
import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.Sheets;
import dev.jita.test.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Menu export end to end: requests through the API, the archive made by this server's ita-by-menu-export-import,
 * downloaded from menu_export_import_list and unpacked here, its entries checked against what the menus' own
 * endpoints answer.
 */
@TestPropertySource(properties = {"jita.menu-export-import.enabled=true", "jita.menu-create.enabled=true",
        "jita.backyard.enabled=true", "jita.backyard.poll-interval=100ms"})
class MenuExportTest extends ApiTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String PLAYBOOK = "- hosts: all\n  tasks: []\n";
    private static final String SHEET = "export_sheet";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    @Autowired
    MenuExportRun run;
    @Autowired
    MenuExportStore store;
    @Autowired
    WorkArea work;
    @Autowired
    BackyardItems items;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    private String org;
    private Http member;
    private Http viewer;
    private String menus;

    @BeforeEach
    void workspace() throws InterruptedException {
        TestWorkspace workspace = newWorkspace("export");
        org = workspace.org();
        member = workspace.member();
        viewer = workspace.viewer();
        menus = workspace.menus();
        register("operation_list", Map.of("operation_name", "op1", "scheduled_date_for_execution", "2026/12/01 10:00:00"));
        register("operation_list", Map.of("operation_name", "op2"));
        register("device_list", Map.of("host_name", "web1", "ip_address", "127.0.0.1", "login_user", "deploy",
                "login_password", "s3cret-Pa55", "connection_type", "local"));
        register("device_list", Map.of("host_name", "web2", "ip_address", "127.0.0.2", "login_user", "deploy",
                "connection_type", "local"));
        Http.Reply playbook = member.post(menus + "playbook_files/maintenance/", Map.of(
                "parameter", Map.of("playbook_name", "ping.yml", "playbook_file", "ping.yml"),
                "file", Map.of("playbook_file", Base64.getEncoder().encodeToString(bytes(PLAYBOOK)))));
        assertThat(playbook.status()).as(playbook.toString()).isEqualTo(200);
        // op1 updated (two journal entries), op2 discarded.
        JsonNode op1 = row("operation_list", "op1");
        Http.Reply update = member.patch(menus + "operation_list/maintenance/" + op1.path("uuid").asString() + "/",
                Map.of("parameter", Map.of("operation_name", "op1", "remarks", "changed",
                        "last_update_date_time", op1.path("last_update_date_time").asString())));
        assertThat(update.status()).as(update.toString()).isEqualTo(200);
        JsonNode op2 = row("operation_list", "op2");
        Http.Reply discard = member.post(menus + "operation_list/maintenance/all/", List.of(Map.of("type", "Discard",
                "parameter", Map.of("uuid", op2.path("uuid").asString(),
                        "last_update_date_time", op2.path("last_update_date_time").asString()))));
        assertThat(discard.status()).as(discard.toString()).isEqualTo(200);
        Sheets.create(member, org, "ws1", Sheets.createNew(SHEET, Sheets.DATA, false,
                List.of(Sheets.text("label", 20), Sheets.password("secret", 64))), Duration.ofSeconds(60));
        register(SHEET, Map.of("label", "first", "secret", "sheet-pw-1"));
        register(SHEET, Map.of("label", "second"));
    }

    @Test
    void theTreeListsWhatCanBeExported() {
        JsonNode groups = viewer.get(menus + "export/info/").data().path("menu_groups");
        Map<String, List<String>> tree = new LinkedHashMap<>();
        for (JsonNode group : groups) {
            assertThat(group.path("menu_group_name").asString()).isNotBlank();
            assertThat(group.has("parent_id")).isTrue();
            List<String> names = new ArrayList<>();
            for (JsonNode menu : group.path("menus")) {
                assertThat(menu.path("id").asString()).isEqualTo(menu.path("menu_name_rest").asString());
                assertThat(menu.path("menu_name").asString()).isNotBlank();
                assertThat(menu.path("disp_seq").asInt()).isEqualTo(names.size() + 1);
                names.add(menu.path("menu_name_rest").asString());
            }
            tree.put(group.path("id").asString(), names);
        }
        assertThat(tree.get("102")).contains("operation_list", "device_list");
        assertThat(tree.get("202")).contains("playbook_files", "movement_list_ansible_legacy",
                "movement_playbook_link");
        assertThat(tree.get("301")).contains("conductor_class_list");
        assertThat(tree.get("502")).containsExactly(SHEET);
        List<String> all = tree.values().stream().flatMap(List::stream).toList();
        assertThat(all).doesNotContain("target_host_ansible_legacy", "subst_value_list_ansible_legacy",
                "execution_list_ansible_legacy", MenuExportImportList.MENU, SHEET + "_subst", "menu_definition_list",
                "menu_creation_history");
        JsonNode japanese = viewer.header("Language", "ja").get(menus + "export/info/").data().path("menu_groups");
        assertThat(japanese.path(0).path("menu_group_name").asString()).isEqualTo("基本コンソール");
        assertError(http().get(menus + "export/info/"), 401, "401-00002");
    }

    @Test
    void exportsRecordsJournalsFilesSheetsAndEncryptedPasswords() throws IOException {
        List<String> chosen = List.of("operation_list", "device_list", "playbook_files", SHEET);
        String no = export(Map.of("mode", "1", "abolished_type", "1", "journal_type", "1", "menu", chosen,
                "passphrase", PASSPHRASE));
        JsonNode listed = completed(no);
        assertThat(listed.path("execution_type").asString()).isEqualTo("Export");
        assertThat(listed.path("mode").asString()).isEqualTo("Environment migration");
        assertThat(listed.path("abolished_type").asString()).isEqualTo("All records");
        assertThat(listed.path("journal_type").asString()).isEqualTo("History available");
        assertThat(listed.path("execution_user").asString()).isEqualTo("owner");
        assertThat(listed.path("file_name").asString()).matches("ita_exportdata_\\d{14}\\.kym");
        assertThat(Http.JSON.readTree(listed.path("json_storage_item").asString())).isEqualTo(Http.JSON.readTree(
                "{\"mode\":\"1\",\"abolished_type\":\"1\",\"journal_type\":\"1\",\"specified_timestamp\":null,"
                + "\"menu\":[\"operation_list\",\"device_list\",\"playbook_files\",\"" + SHEET + "\"]}"));

        Map<String, byte[]> archive = download(no, listed.path("file_name").asString());
        String playbookUuid = row("playbook_files", "ping.yml").path("uuid").asString();
        List<String> expectedNames = new ArrayList<>(List.of("VERSION", "DP_INFO", "MENU_NAME_REST_LIST",
                "MENU_GROUPS", "SECRETS", "PARAMETER_SHEETS", "files/playbook_files/" + playbookUuid + "/playbook_file"));
        for (String menu : chosen) {
            expectedNames.add(menu);
            expectedNames.add(menu + "_JNL");
        }
        assertThat(archive.keySet()).containsExactlyInAnyOrderElementsOf(expectedNames);
        assertThat(json(archive, "VERSION")).isEqualTo(Http.JSON.readTree("{\"format\":\"jita-kym\",\"version\":1}"));
        assertThat(json(archive, "DP_INFO")).isEqualTo(Http.JSON.readTree("{\"DP_MODE\":\"1\",\"ABOLISHED_TYPE\":\"1\","
                + "\"JOURNAL_TYPE\":\"1\",\"SPECIFIED_TIMESTAMP\":null,\"PASSWORDS\":\"encrypted\"}"));
        assertThat(new String(archive.get("MENU_NAME_REST_LIST"), StandardCharsets.UTF_8))
                .isEqualTo("operation_list,device_list,playbook_files," + SHEET);
        assertThat(groups(json(archive, "MENU_GROUPS"))).isEqualTo(Map.of("102",
                List.of("operation_list", "device_list"), "202", List.of("playbook_files"), "502",
                List.of(SHEET)));
        assertThat(new String(archive.get("files/playbook_files/" + playbookUuid + "/playbook_file"),
                StandardCharsets.UTF_8)).isEqualTo(PLAYBOOK);

        JsonNode sheets = json(archive, "PARAMETER_SHEETS").path("parameter_sheets");
        assertThat(sheets.size()).isEqualTo(1);
        assertThat(sheets.path(0).path("menu_name_rest").asString()).isEqualTo(SHEET);
        assertThat(sheets.path(0).path("definition").path("menu").path("menu_name_rest").asString()).isEqualTo(SHEET);
        assertThat(sheets.path(0).path("definition").path("column").toString()).contains("label", "secret");

        JsonNode secrets = json(archive, "SECRETS");
        assertThat(secrets.path("kdf").asString()).isEqualTo("PBKDF2WithHmacSHA256");
        // jita.menu-export-import.passphrase-iterations as the test servers set it (ApiTest)
        assertThat(secrets.path("iterations").asInt()).isEqualTo(1_000);
        assertThat(secrets.path("cipher").asString()).isEqualTo("AES/GCM/NoPadding");
        assertThat(decrypt(secrets, PASSPHRASE, secrets.path("check").asString(), KymSecrets.CHECK))
                .isEqualTo(KymSecrets.CHECK);

        for (String menu : chosen) {
            JsonNode exported = json(archive, menu);
            JsonNode api = member.get(menus + menu + "/filter/").data();
            List<String> passwords = columns(menu, "PasswordColumn");
            ObjectNode noFiles = Http.JSON.createObjectNode();
            columns(menu, "FileUploadColumn").forEach(noFiles::putNull);
            assertThat(exported.size()).as(menu).isEqualTo(api.size());
            for (int i = 0; i < api.size(); i++) {
                ObjectNode expected = (ObjectNode) api.path(i).path("parameter").deepCopy();
                ObjectNode actual = (ObjectNode) exported.path(i).path("parameter").deepCopy();
                for (String password : passwords) {
                    String uuid = expected.path("uuid").asString();
                    String stored = actual.path(password).isNull() ? null : actual.path(password).asString();
                    String clear = stored == null ? null
                            : decrypt(secrets, PASSPHRASE, stored, menu + "/" + uuid + "/" + password);
                    assertThat(clear).as(menu + " " + uuid).isEqualTo(clearPassword(menu, password, expected));
                    actual.remove(password);
                    expected.remove(password);
                }
                assertThat(actual).as(menu + " record " + i).isEqualTo(expected);
                assertThat(exported.path(i).path("file")).as(menu).isEqualTo(noFiles);
                if (menu.equals("playbook_files")) {
                    assertThat(exported.path(i).path("file_path")).isEqualTo(Http.JSON.readTree(
                            "{\"playbook_file\":\"files/playbook_files/" + playbookUuid + "/playbook_file\"}"));
                } else {
                    assertThat(exported.path(i).path("file_path").isEmpty()).isTrue();
                }
            }
            assertThat(json(archive, menu + "_JNL")).as(menu + " journal")
                    .isEqualTo(journal(menu, api, passwords, null));
        }
        assertThat(json(archive, "operation_list_JNL").size()).isEqualTo(4);
        assertThat(log(no)).contains("device_list: 2 records, 2 journal entries, 0 files; passwords encrypted with "
                + "the passphrase", "playbook_files: 1 records, 1 journal entries, 1 files", "Export completed");
    }

    @Test
    void withoutPassphraseOrJournalAndWithoutDiscardedRecords() throws IOException {
        List<String> chosen = List.of("operation_list", "device_list", SHEET);
        String no = export(Map.of("mode", "1", "abolished_type", "2", "journal_type", "2", "menu", chosen));
        JsonNode listed = completed(no);
        assertThat(listed.path("abolished_type").asString()).isEqualTo("Exclude discarded records");
        assertThat(listed.path("journal_type").asString()).isEqualTo("No history");
        Map<String, byte[]> archive = download(no, listed.path("file_name").asString());
        assertThat(archive.keySet()).containsExactlyInAnyOrder("VERSION", "DP_INFO", "MENU_NAME_REST_LIST",
                "MENU_GROUPS", "PARAMETER_SHEETS", "operation_list", "device_list", SHEET);
        assertThat(json(archive, "DP_INFO")).isEqualTo(Http.JSON.readTree("{\"DP_MODE\":\"1\",\"ABOLISHED_TYPE\":\"2\","
                + "\"JOURNAL_TYPE\":\"2\",\"SPECIFIED_TIMESTAMP\":null,\"PASSWORDS\":\"omitted\"}"));
        for (String menu : chosen) {
            List<JsonNode> expected = new ArrayList<>();
            for (JsonNode record : member.get(menus + menu + "/filter/").data()) {
                if (record.path("parameter").path("discard").asString().equals("0")) {
                    ObjectNode parameter = (ObjectNode) record.path("parameter").deepCopy();
                    parameter.remove(columns(menu, "PasswordColumn"));
                    expected.add(parameter);
                }
            }
            List<JsonNode> actual = new ArrayList<>();
            json(archive, menu).forEach(record -> actual.add(record.path("parameter")));
            assertThat(actual).as(menu).isEqualTo(expected);
        }
        assertThat(json(archive, "operation_list").size()).isEqualTo(1);
        assertThat(log(no)).contains("device_list: 2 records, 0 files; passwords left out (no passphrase was given)",
                SHEET + ": 2 records, 0 files; passwords left out (no passphrase was given)");
    }

    @Test
    void timeSpecifiedExportsWhatChangedSinceThen() throws IOException {
        JsonNode api = member.get(menus + "operation_list/filter/").data();
        String newest = "";
        for (JsonNode record : api) {
            String last = record.path("parameter").path("last_update_date_time").asString();
            newest = last.compareTo(newest) > 0 ? last : newest;
        }
        String since = newest.substring(0, 16);
        String no = export(Map.of("mode", "2", "abolished_type", "1", "journal_type", "1",
                "specified_timestamp", since, "menu", List.of("operation_list")));
        JsonNode listed = completed(no);
        assertThat(listed.path("mode").asString()).isEqualTo("Time specified");
        assertThat(listed.path("specified_time").asString()).isEqualTo(since);
        Map<String, byte[]> archive = download(no, listed.path("file_name").asString());
        assertThat(json(archive, "DP_INFO").path("SPECIFIED_TIMESTAMP").asString()).isEqualTo(since);
        ArrayNode changed = Http.JSON.createArrayNode();
        for (JsonNode record : api) {
            if (record.path("parameter").path("last_update_date_time").asString().compareTo(since) >= 0) {
                changed.add(record);
            }
        }
        assertThat(changed.size()).isPositive();
        List<JsonNode> actual = new ArrayList<>();
        json(archive, "operation_list").forEach(record -> actual.add(record.path("parameter")));
        List<JsonNode> expected = new ArrayList<>();
        changed.forEach(record -> expected.add(record.path("parameter")));
        assertThat(actual).isEqualTo(expected);
        assertThat(json(archive, "operation_list_JNL")).isEqualTo(journal("operation_list", changed, List.of(), since));

        String future = export(Map.of("mode", "2", "abolished_type", "1", "specified_timestamp", "2999/01/01 00:00",
                "menu", List.of("operation_list")));
        Map<String, byte[]> none = download(future, completed(future).path("file_name").asString());
        assertThat(json(none, "operation_list").size()).isZero();
        assertThat(json(none, "operation_list_JNL").size()).isZero();
    }

    @Test
    void refusals() {
        String execute = menus + "bulk/export/execute/";
        Map<String, Object> good = Map.of("mode", "1", "abolished_type", "1", "menu", List.of("operation_list"));
        int before = member.get(menus + MenuExportImportList.MENU + "/filter/").data().size();
        assertError(http().post(execute, good), 401, "401-00002");
        // A user of another organization is not known here at all; one without a role in ws1 is refused.
        String otherOrg = unique("other");
        createOrganization(otherOrg, "stranger", "stranger-pass");
        Http stranger = http().as("stranger", "stranger-pass");
        assertError(stranger.post(execute, good), 401, "401-00002");
        createWorkspace(member, org, "ws2");
        createUser(member, org, "outsider", "outsider-pass", "ws2", "member");
        Http outsider = http().as("outsider", "outsider-pass");
        String otherList = "/api/" + org + "/workspaces/ws2/ita/menu/" + MenuExportImportList.MENU + "/";
        assertError(outsider.post(execute, good), 403, "403-00001");
        assertError(viewer.post(execute, good), 403, "403-00001");
        assertError(member.send("POST", execute, "application/json", bytes("{\"mode\":")), 400, "400-00002");
        assertError(member.send("POST", execute, "application/json", bytes("[]")), 400, "400-00002");
        assertError(member.post(execute, null), 415, "415-00001");
        assertError(member.send("POST", execute, "text/plain", bytes("{}")), 415, "415-00001");
        for (String bad : List.of("2026/13/01 00:00", "2026/12/01", "yesterday", "2026-12-01 10:00")) {
            assertError(member.post(execute, Map.of("mode", "2", "abolished_type", "1", "specified_timestamp", bad,
                    "menu", List.of("operation_list"))), 499, "499-01501");
        }
        assertError(member.post(execute, Map.of("mode", "2", "abolished_type", "1", "menu", List.of("operation_list"))),
                499, "499-01501");
        Http.Reply invalid = member.post(execute, Map.of("mode", "3", "abolished_type", "3", "journal_type", "0",
                "passphrase", "short", "menu", List.of("operation_list", "no_such_menu", "target_host_ansible_legacy",
                        "execution_list_ansible_legacy")));
        assertError(invalid, 499, "499-00005");
        JsonNode errors = invalid.json().path("data").path("errors");
        assertThat(errors.properties().stream().map(Map.Entry::getKey).toList())
                .containsExactly("mode", "abolished_type", "journal_type", "menu", "passphrase");
        assertThat(errors.path("menu").toString()).contains("no_such_menu", "target_host_ansible_legacy",
                "execution_list_ansible_legacy").doesNotContain("\"operation_list");
        assertError(member.post(execute, Map.of("mode", "1", "abolished_type", "1", "menu", List.of())), 499, "499-00005");
        setModes("0", "1");
        try {
            assertError(member.post(execute, good), 498, "498-00014");
        } finally {
            setModes("0", "0");
        }
        assertThat(member.get(menus + MenuExportImportList.MENU + "/filter/").data().size()).isEqualTo(before);

        String no = export(good);
        completed(no);
        String list = menus + MenuExportImportList.MENU + "/";
        assertThat(viewer.get(list + no + "/file_name/file/").status()).isEqualTo(200);
        assertError(stranger.get(list + no + "/file_name/file/"), 401, "401-00002");
        assertError(outsider.get(list + no + "/file_name/file/"), 403, "403-00001");
        assertError(outsider.get(otherList + no + "/file_name/file/"), 404, "404-00001");
        assertError(member.get(list + "no-such-execution/file_name/file/"), 404, "404-00001");
        assertError(member.get(list + no + "/mode/file/"), 404, "404-00001");
        assertError(member.post(list + "maintenance/", Map.of("parameter", Map.of("mode", "1"))), 403, "403-00001");
    }

    /**
     * Load mode switched ON while an export runs: the job keeps nothing and hands its item back; the export is
     * made once the modes are OFF. The job is run here in-process on an item the engine cannot take yet
     * (backyard_execute_stop ON), so that load mode meets it at a known point.
     */
    @Test
    void loadModeDuringTheJobHandsTheItemBackWithNothingKept() {
        setModes("1", "0");
        String no;
        try {
            no = export(Map.of("mode", "1", "abolished_type", "1", "menu", List.of("operation_list"),
                    "passphrase", PASSPHRASE));
            setModes("1", "1");
            JobHandler.Step step = run.run(claimed(no), held());
            assertThat(step.again()).isTrue();
            assertThat(step.note()).contains("Load mode");
            assertThat(work.directoryFor("menu-export-" + no)).doesNotExist();
        } finally {
            setModes("0", "0");
        }
        assertThat(store.find(no).orElseThrow().fileId()).isNull();
        assertThat(store.find(no).orElseThrow().logId()).isNull();
        assertThat(store.find(no).orElseThrow().passphrase()).isNotNull();
        JsonNode listed = completed(no);
        assertThat(store.find(no).orElseThrow().passphrase()).isNull();
        assertThat(listed.path("file_name").asString()).endsWith(".kym");
    }

    /** An export that cannot be made ends in Completed (error) with its log, and no archive. */
    @Test
    void aFailedExportEndsInErrorWithItsLog() {
        setModes("1", "0");
        String no;
        try {
            no = export(Map.of("mode", "1", "abolished_type", "1", "menu", List.of("operation_list")));
            MenuExportStore.Row row = store.find(no).orElseThrow();
            transactions.executeWithoutResult(status -> jdbc.sql(
                    "UPDATE menu_export_import SET menus = ? WHERE execution_no = ?")
                    .params("[\"operation_list\",\"gone_sheet\"]", row.executionNo()).update());
            JobHandler.Step step = run.run(claimed(no), held());
            assertThat(step.again()).isFalse();
            assertThat(step.endStatus()).isEqualTo(4);
            assertThat(step.note()).isEqualTo("the menu gone_sheet can no longer be exported (it does not exist any more)");
            assertThat(work.directoryFor("menu-export-" + no)).doesNotExist();
            assertThat(items.endWaiting(no, step.endStatus(), step.note())).isTrue();
        } finally {
            setModes("0", "0");
        }
        JsonNode listed = null;
        for (JsonNode record : member.get(menus + MenuExportImportList.MENU + "/filter/").data()) {
            if (record.path("parameter").path("execution_no").asString().equals(no)) {
                listed = record.path("parameter");
            }
        }
        assertThat(listed.path("status").asString()).isEqualTo("Completed (error)");
        assertThat(listed.path("file_name").isNull()).isTrue();
        assertThat(listed.path("execution_log").asString()).isEqualTo("export_" + no + ".log");
        assertThat(log(no)).contains("Export failed: the menu gone_sheet can no longer be exported");
        assertError(member.get(menus + MenuExportImportList.MENU + "/" + no + "/file_name/file/"), 404, "404-00001");
    }

    // ---------------------------------------------------------------- helpers

    private ClaimedItem claimed(String no) {
        BackyardItems.Item item = items.find(no).orElseThrow();
        return new ClaimedItem(no, Backyard.MENU_EXPORT_IMPORT, item.organizationId(), item.workspaceId(),
                item.registeredAt(), Instant.now(), false);
    }

    private static ItemProgress held() {
        return new ItemProgress() {
            @Override
            public boolean setStatus(int runningStatusId) {
                return true;
            }

            @Override
            public boolean stillHeld() {
                return true;
            }
        };
    }

    private void register(String menu, Map<String, Object> parameter) {
        Http.Reply reply = member.post(menus + menu + "/maintenance/", Map.of("parameter", parameter));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private JsonNode row(String menu, String name) {
        for (JsonNode record : member.get(menus + menu + "/filter/").data()) {
            if (record.path("parameter").toString().contains("\"" + name + "\"")) {
                return record.path("parameter");
            }
        }
        throw new AssertionError("no record " + name + " in " + menu);
    }

    private String export(Map<String, Object> body) {
        Http.Reply reply = member.post(menus + "bulk/export/execute/", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().path("execution_no").asString();
    }

    /** The list's row once the export has ended; it must have completed. */
    private JsonNode completed(String no) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode record : member.get(menus + MenuExportImportList.MENU + "/filter/").data()) {
                JsonNode row = record.path("parameter");
                if (row.path("execution_no").asString().equals(no) && row.path("status").asString().startsWith("Completed")) {
                    assertThat(row.path("status").asString()).as(row.toString()).isEqualTo("Completed");
                    return row;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("export " + no + " did not end");
    }

    private Map<String, byte[]> download(String no, String fileName) throws IOException {
        Http.Reply reply = member.get(menus + MenuExportImportList.MENU + "/" + no + "/file_name/file/");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.result()).isEqualTo("000-00000");
        assertThat(reply.data().path("file_name").asString()).isEqualTo(fileName);
        return KymArchives.entries(Base64.getDecoder().decode(reply.data().path("file_data").asString()));
    }

    private String log(String no) {
        Http.Reply reply = member.get(menus + MenuExportImportList.MENU + "/" + no + "/execution_log/file/");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.data().path("file_name").asString()).isEqualTo("export_" + no + ".log");
        return new String(Base64.getDecoder().decode(reply.data().path("file_data").asString()), StandardCharsets.UTF_8);
    }

    private static JsonNode json(Map<String, byte[]> archive, String name) {
        assertThat(archive).containsKey(name);
        return Http.JSON.readTree(archive.get(name));
    }

    /** Group id → its menus' REST names, each menu with names in both languages. */
    private static Map<String, List<String>> groups(JsonNode menuGroups) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (JsonNode group : menuGroups.path("menu_groups")) {
            assertThat(group.path("menu_group_name_en").asString()).isNotBlank();
            assertThat(group.path("menu_group_name_ja").asString()).isNotBlank();
            List<String> names = new ArrayList<>();
            for (JsonNode menu : group.path("menus")) {
                assertThat(menu.path("menu_name_en").asString()).isNotBlank();
                assertThat(menu.path("menu_name_ja").asString()).isNotBlank();
                names.add(menu.path("menu_name_rest").asString());
            }
            groups.put(group.path("id").asString(), names);
        }
        return groups;
    }

    /** Each record's journal as filter/journal/ answers it, passwords left out, entries from {@code since}. */
    private ArrayNode journal(String menu, JsonNode records, List<String> passwords, String since) {
        ArrayNode all = Http.JSON.createArrayNode();
        for (JsonNode record : records) {
            for (JsonNode entry : member.get(menus + menu + "/filter/journal/"
                    + record.path("parameter").path("uuid").asString() + "/").data()) {
                if (since != null && entry.path("journal_datetime").asString().compareTo(since) < 0) {
                    continue;
                }
                ObjectNode copy = (ObjectNode) entry.deepCopy();
                ((ObjectNode) copy.path("parameter")).remove(passwords);
                all.add(copy);
            }
        }
        return all;
    }

    /** The REST names of the menu's columns of this class, as info/ gives them. */
    private List<String> columns(String menu, String columnType) {
        List<String> names = new ArrayList<>();
        for (JsonNode column : member.get(menus + menu + "/info/").data().path("column_info")) {
            if (column.path("column_type").asString().equals(columnType)) {
                names.add(column.path("column_name_rest").asString());
            }
        }
        return names;
    }

    private static String clearPassword(String menu, String column, JsonNode parameter) {
        if (menu.equals("device_list")) {
            return column.equals("login_password") && parameter.path("host_name").asString().equals("web1")
                    ? "s3cret-Pa55" : null;
        }
        return parameter.path("label").asString().equals("first") ? "sheet-pw-1" : null;
    }

    /** Decrypts as an import would: the key from the passphrase and the archive's salt, the value bound to its place. */
    private static String decrypt(JsonNode secrets, String passphrase, String value, String place) {
        try {
            PBEKeySpec spec = new PBEKeySpec(passphrase.toCharArray(),
                    Base64.getDecoder().decode(secrets.path("salt").asString()), secrets.path("iterations").asInt(),
                    secrets.path("key_bits").asInt());
            byte[] key = SecretKeyFactory.getInstance(secrets.path("kdf").asString()).generateSecret(spec).getEncoded();
            byte[] sealed = Base64.getDecoder().decode(value);
            Cipher cipher = Cipher.getInstance(secrets.path("cipher").asString());
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
            cipher.updateAAD(bytes(place));
            return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError("cannot decrypt " + place, e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
