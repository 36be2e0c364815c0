package dev.jita.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.menu.MenuService;
import dev.jita.menu.RecordCheck;
import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.Sheets;
import dev.jita.test.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Menu import end to end: archives exported by this server from one workspace, uploaded into a workspace of another
 * organization and imported by this server's ita-by-menu-export-import, the menus' own endpoints read back.
 */
@TestPropertySource(properties = {"jita.menu-export-import.enabled=true", "jita.menu-create.enabled=true",
        "jita.backyard.enabled=true", "jita.backyard.poll-interval=100ms",
        "jita.menu-import.max-unpacked-bytes=4000000"})
class MenuImportTest extends ApiTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String PLAYBOOK = "- hosts: all\n  tasks: []\n";
    private static final String SHEET = "import_sheet";
    private static final String HOSTS = "import_hosts";
    private static final List<String> MENUS = List.of("operation_list", "device_list", "playbook_files",
            "movement_list_ansible_legacy", "movement_playbook_link", SHEET);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    /** Holds an import of operation_list at its record "slow" until released, when armed. */
    static final class Pause implements RecordCheck {
        volatile String organization;
        volatile CountDownLatch reached = new CountDownLatch(1);
        volatile CountDownLatch release = new CountDownLatch(1);

        @Override
        public String menu() {
            return "operation_list";
        }

        @Override
        public Map<String, String> reasons(String organizationId, String workspaceId, Map<String, Object> values) {
            if (organizationId.equals(organization) && "slow".equals(values.get("operation_name"))) {
                reached.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Map.of();
        }
    }

    @TestConfiguration
    static class Hooks {
        @Bean
        Pause pause() {
            return new Pause();
        }
    }

    @Autowired
    MenuService menuService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Pause pause;

    private String org;
    private Http member;
    private String menus;
    private String target;
    private Http targetMember;
    private Http targetViewer;
    private String targetMenus;

    @BeforeEach
    void workspaces() throws InterruptedException {
        TestWorkspace source = newWorkspace("isrc");
        org = source.org();
        member = source.member();
        menus = source.menus();
        register(member, menus, "operation_list", Map.of("operation_name", "op1", "scheduled_date_for_execution",
                "2026/12/01 10:00:00"));
        register(member, menus, "operation_list", Map.of("operation_name", "op2"));
        register(member, menus, "device_list", Map.of("host_name", "web1", "ip_address", "127.0.0.1", "login_user",
                "deploy", "login_password", "s3cret-Pa55", "connection_type", "local"));
        Http.Reply playbook = member.post(menus + "playbook_files/maintenance/", Map.of(
                "parameter", Map.of("playbook_name", "mv1.yml", "playbook_file", "mv1.yml"),
                "file", Map.of("playbook_file", Base64.getEncoder().encodeToString(bytes(PLAYBOOK)))));
        assertThat(playbook.status()).as(playbook.toString()).isEqualTo(200);
        register(member, menus, "movement_list_ansible_legacy", Map.of("movement_name", "mv1"));
        register(member, menus, "movement_playbook_link", Map.of("movement", "mv1", "playbook_file", "mv1.yml",
                "include_order", 1));
        JsonNode op2 = row(member, menus, "operation_list", "op2");
        Http.Reply discard = member.post(menus + "operation_list/maintenance/all/", List.of(Map.of("type", "Discard",
                "parameter", Map.of("uuid", op2.path("uuid").asString(),
                        "last_update_date_time", op2.path("last_update_date_time").asString()))));
        assertThat(discard.status()).as(discard.toString()).isEqualTo(200);
        Map<String, Object> label = Sheets.text("label", 20);
        label.put("uniqued", "1");
        Map<String, Object> sheet = Sheets.createNew(SHEET, Sheets.DATA, false,
                List.of(label, Sheets.password("secret", 64)));
        Sheets.create(member, org, "ws1", sheet, Duration.ofSeconds(60));
        register(member, menus, SHEET, Map.of("label", "first", "secret", "sheet-pw-1"));

        TestWorkspace other = newWorkspace("idst");
        target = other.org();
        targetMember = other.member();
        targetViewer = other.viewer();
        targetMenus = other.menus();
        Sheets.create(targetMember, target, "ws1", sheet, Duration.ofSeconds(60));
    }

    @Test
    void roundTripIntoAnotherOrganization() {
        byte[] kym = exported(Map.of("mode", "1", "abolished_type", "1", "journal_type", "1", "menu", MENUS,
                "passphrase", PASSPHRASE));
        Http.Reply uploaded = targetMember.post(targetMenus + "import/upload/", upload(kym));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        JsonNode answer = uploaded.data();
        assertThat(answer.path("upload_id").asString()).isNotBlank();
        assertThat(answer.path("file_name").asString()).isEqualTo("data.kym");
        assertThat(answer.path("mode").asString()).isEqualTo("1");
        assertThat(answer.path("abolished_type").asString()).isEqualTo("1");
        assertThat(answer.path("journal_type").asString()).isEqualTo("1");
        assertThat(answer.path("specified_time").isNull()).isTrue();
        List<String> listed = new ArrayList<>();
        for (JsonNode group : answer.path("import_list").path("menu_groups")) {
            assertThat(group.path("menu_group_name").asString()).isNotBlank();
            group.path("menus").forEach(m -> listed.add(m.path("menu_name_rest").asString()));
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(MENUS);

        String no = execute(answer.path("upload_id").asString(), MENUS, PASSPHRASE);
        JsonNode row = ended(targetMember, targetMenus, no);
        assertThat(row.path("status").asString()).as(log(targetMember, targetMenus, no)).isEqualTo("Completed");
        assertThat(row.path("execution_type").asString()).isEqualTo("Import");
        assertThat(row.path("file_name").asString()).isEqualTo("data.kym");
        for (String menu : MENUS) {
            assertThat(records(targetMember, targetMenus, menu)).as(menu)
                    .containsExactlyInAnyOrderElementsOf(records(member, menus, menu));
        }
        String playbookUuid = row(targetMember, targetMenus, "playbook_files", "mv1.yml").path("uuid").asString();
        assertThat(menuService.file(target, "ws1", "playbook_files", playbookUuid, "playbook_file").map(String::new))
                .contains(PLAYBOOK);
        String web1 = row(targetMember, targetMenus, "device_list", "web1").path("uuid").asString();
        assertThat(menuService.secret(target, "ws1", "device_list", web1, "login_password")).contains("s3cret-Pa55");
        String first = row(targetMember, targetMenus, SHEET, "first").path("uuid").asString();
        assertThat(menuService.secret(target, "ws1", SHEET, first, "secret")).contains("sheet-pw-1");
        assertThat(log(targetMember, targetMenus, no)).contains("passwords imported", "Import completed",
                "operation_list: 2 records");

        // Again without the passphrase: the records are replaced, the passwords they have are kept.
        String again = execute(uploadId(targetMember, targetMenus, kym), List.of("device_list"), null);
        assertThat(ended(targetMember, targetMenus, again).path("status").asString()).isEqualTo("Completed");
        assertThat(menuService.secret(target, "ws1", "device_list", web1, "login_password")).contains("s3cret-Pa55");
        assertThat(log(targetMember, targetMenus, again)).contains("No passphrase was given",
                "passwords kept as the records had them");
    }

    /**
     * Into a workspace without the sheets: a failing import leaves none behind; then the import makes both (the
     * Host/Operation sheet after the data sheet its pulldown names) and writes their records and files.
     */
    @Test
    void sheetsTheWorkspaceLacksAreMadeFromTheArchive() throws InterruptedException {
        Map<String, Object> conf = Sheets.item("conf", "FileUploadColumn");
        conf.put("file_upload_maximum_bytes", 1024);
        Map<String, Object> pick = Sheets.item("pick", "IDColumn");
        pick.put("pulldown_selection", SHEET + ":label");
        Sheets.create(member, org, "ws1", Sheets.createNew(HOSTS, Sheets.HOST_OPERATION, false,
                List.of(Sheets.text("port", 8), conf, pick)), Duration.ofSeconds(60));
        Http.Reply written = member.post(menus + HOSTS + "/maintenance/", Map.of(
                "parameter", Map.of("host_name", "web1", "operation_name_select", "op1", "port", "22",
                        "conf", "app.conf", "pick", "first"),
                "file", Map.of("conf", Base64.getEncoder().encodeToString(bytes("listen 22\n")))));
        assertThat(written.status()).as(written.toString()).isEqualTo(200);
        byte[] kym = exported(Map.of("mode", "1", "abolished_type", "1", "menu", List.of("operation_list",
                "device_list", SHEET, HOSTS), "passphrase", PASSPHRASE));
        TestWorkspace fresh = newWorkspace("ifresh");

        // Without operation_list and device_list the sheet's record names a host and operation that do not exist.
        Http.Reply uploaded = fresh.member().post(fresh.menus() + "import/upload/", upload(kym));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        String failing = execute(fresh, uploaded.data().path("upload_id").asString(), List.of(SHEET, HOSTS));
        assertThat(ended(fresh.member(), fresh.menus(), failing).path("status").asString())
                .isEqualTo("Completed (error)");
        assertThat(log(fresh.member(), fresh.menus(), failing)).contains("nothing was written", HOSTS);
        assertThat(sheets(fresh.org())).isZero();
        assertThat(fresh.member().get(fresh.menus() + HOSTS + "/filter/").status()).isNotEqualTo(200);

        String no = execute(fresh, uploadId(fresh.member(), fresh.menus(), kym), List.of("operation_list",
                "device_list", SHEET, HOSTS));
        assertThat(ended(fresh.member(), fresh.menus(), no).path("status").asString())
                .as(log(fresh.member(), fresh.menus(), no)).isEqualTo("Completed");
        assertThat(log(fresh.member(), fresh.menus(), no)).contains("Parameter sheets made from the archive: "
                + SHEET + ", " + HOSTS);
        assertThat(sheets(fresh.org())).isEqualTo(2);
        for (String menu : List.of(SHEET, HOSTS)) {
            assertThat(records(fresh.member(), fresh.menus(), menu)).as(menu).hasSize(1)
                    .containsExactlyInAnyOrderElementsOf(records(member, menus, menu));
        }
        String uuid = row(fresh.member(), fresh.menus(), HOSTS, "web1").path("uuid").asString();
        assertThat(menuService.file(fresh.org(), "ws1", HOSTS, uuid, "conf").map(String::new)).contains("listen 22\n");
        String first = row(fresh.member(), fresh.menus(), SHEET, "first").path("uuid").asString();
        assertThat(menuService.secret(fresh.org(), "ws1", SHEET, first, "secret")).contains("sheet-pw-1");
        Http.Reply definition = fresh.member().get("/api/" + fresh.org() + "/workspaces/ws1/ita/create/define/"
                + HOSTS + "/");
        assertThat(definition.status()).as(definition.toString()).isEqualTo(200);
        assertThat(definition.data().path("menu_info").toString()).contains("\"pulldown_selection\"");
    }

    /** A sheet of the same name with another structure is refused at execute/, naming what differs. */
    @Test
    void aSheetWithAnotherStructureIsRefused() throws InterruptedException {
        byte[] kym = exported(Map.of("mode", "1", "abolished_type", "1", "menu", List.of(SHEET)));
        TestWorkspace other = newWorkspace("idiff");
        Sheets.create(other.member(), other.org(), "ws1", Sheets.createNew(SHEET, Sheets.DATA, false,
                List.of(Sheets.text("label", 40), Sheets.text("extra", 10))), Duration.ofSeconds(60));
        Http.Reply reply = other.member().post(other.menus() + "import/execute/", Map.of("upload_id",
                uploadId(other.member(), other.menus(), kym), "file_name", "data.kym", "menu", List.of(SHEET)));
        assertError(reply, 499, "499-00005");
        assertThat(reply.json().path("message").asString()).contains("the parameter sheet " + SHEET
                + " exists in this workspace with another structure", "item secret only in the archive",
                "item extra only here", "item label: single_string_maximum_bytes 40 here, 20 in the archive");
        assertThat(other.member().get(other.menus() + MenuExportImportList.MENU + "/filter/").data().size()).isZero();
    }

    @Test
    void aWrongPassphraseEndsInErrorWithNothingWritten() {
        byte[] kym = exported(Map.of("mode", "1", "abolished_type", "1", "menu", List.of("operation_list",
                "device_list"), "passphrase", PASSPHRASE));
        String no = execute(uploadId(targetMember, targetMenus, kym), List.of("operation_list", "device_list"),
                "not the passphrase");
        JsonNode row = ended(targetMember, targetMenus, no);
        assertThat(row.path("status").asString()).isEqualTo("Completed (error)");
        assertThat(log(targetMember, targetMenus, no)).contains("the passphrase is wrong", "nothing was written");
        assertThat(targetMember.get(targetMenus + "operation_list/filter/").data().size()).isZero();
        assertThat(targetMember.get(targetMenus + "device_list/filter/").data().size()).isZero();
    }

    @Test
    void anArchiveThatDerivesItsKeyWithTooFewIterationsEndsInErrorWithNothingWritten() throws IOException {
        Map<String, byte[]> entries = KymArchives.entries(exported(Map.of("mode", "1", "abolished_type", "1",
                "menu", List.of("operation_list"), "passphrase", PASSPHRASE)));
        String secrets = new String(entries.get("SECRETS"), StandardCharsets.UTF_8);
        assertThat(secrets).contains("\"iterations\":1000,");
        entries.put("SECRETS", bytes(secrets.replace("\"iterations\":1000,", "\"iterations\":999,")));
        String no = execute(uploadId(targetMember, targetMenus, tar(entries)), List.of("operation_list"), PASSPHRASE);
        assertThat(ended(targetMember, targetMenus, no).path("status").asString()).isEqualTo("Completed (error)");
        assertThat(log(targetMember, targetMenus, no)).contains("SECRETS names a key derivation or cipher this server "
                + "does not use");
        assertThat(targetMember.get(targetMenus + "operation_list/filter/").data().size()).isZero();
    }

    @Test
    void timeSpecifiedAddsAndUpdatesByUuid() {
        byte[] all = exported(Map.of("mode", "1", "abolished_type", "1", "menu", List.of("operation_list")));
        assertThat(ended(targetMember, targetMenus, execute(uploadId(targetMember, targetMenus, all),
                List.of("operation_list"), null)).path("status").asString()).isEqualTo("Completed");
        register(targetMember, targetMenus, "operation_list", Map.of("operation_name", "only-here"));
        JsonNode op1 = row(member, menus, "operation_list", "op1");
        String since = op1.path("last_update_date_time").asString().substring(0, 16);
        Http.Reply update = member.patch(menus + "operation_list/maintenance/" + op1.path("uuid").asString() + "/",
                Map.of("parameter", Map.of("operation_name", "op1", "remarks", "changed",
                        "last_update_date_time", op1.path("last_update_date_time").asString())));
        assertThat(update.status()).as(update.toString()).isEqualTo(200);
        register(member, menus, "operation_list", Map.of("operation_name", "op3"));
        byte[] changed = exported(Map.of("mode", "2", "abolished_type", "1", "specified_timestamp", since,
                "menu", List.of("operation_list")));
        Http.Reply uploaded = targetMember.post(targetMenus + "import/upload/", upload(changed));
        assertThat(uploaded.data().path("mode").asString()).isEqualTo("2");
        assertThat(uploaded.data().path("specified_time").asString()).isEqualTo(since);
        String no = execute(uploaded.data().path("upload_id").asString(), List.of("operation_list"), null);
        assertThat(ended(targetMember, targetMenus, no).path("status").asString()).isEqualTo("Completed");
        List<JsonNode> expected = records(member, menus, "operation_list");
        List<JsonNode> actual = records(targetMember, targetMenus, "operation_list");
        assertThat(actual.removeIf(r -> r.path("operation_name").asString().equals("only-here"))).isTrue();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(row(targetMember, targetMenus, "operation_list", "op1").path("remarks").asString())
                .isEqualTo("changed");
        assertThat(actual).hasSize(3);
    }

    @Test
    void aRefusedRecordRollsEverythingBack() {
        byte[] kym = exported(Map.of("mode", "1", "abolished_type", "1", "menu", MENUS));
        // playbook_files is left out and the target has no mv1.yml: the link cannot resolve its reference.
        List<String> chosen = List.of("operation_list", "movement_list_ansible_legacy", "movement_playbook_link");
        String no = execute(uploadId(targetMember, targetMenus, kym), chosen, null);
        JsonNode row = ended(targetMember, targetMenus, no);
        assertThat(row.path("status").asString()).isEqualTo("Completed (error)");
        String link = row(member, menus, "movement_playbook_link", "mv1").path("uuid").asString();
        assertThat(log(targetMember, targetMenus, no)).contains("nothing was written",
                "movement_playbook_link, record " + link + ": playbook_file: no playbook_name \"mv1.yml\" in playbook_files");
        for (String menu : chosen) {
            assertThat(targetMember.get(targetMenus + menu + "/filter/").data().size()).as(menu).isZero();
        }
    }

    @Test
    void badArchivesAreRefusedAndNothingIsKept() throws IOException {
        int before = uploads();
        Map<String, byte[]> good = new LinkedHashMap<>();
        good.put("VERSION", bytes("{\"format\":\"jita-kym\",\"version\":1}"));
        good.put("DP_INFO", bytes("{\"DP_MODE\":\"1\",\"ABOLISHED_TYPE\":\"1\",\"JOURNAL_TYPE\":\"2\","
                + "\"SPECIFIED_TIMESTAMP\":null,\"PASSWORDS\":\"omitted\"}"));
        good.put("MENU_NAME_REST_LIST", bytes("operation_list"));
        good.put("MENU_GROUPS", bytes("{\"menu_groups\":[]}"));
        good.put("PARAMETER_SHEETS", bytes("{\"parameter_sheets\":[]}"));
        good.put("operation_list", bytes("[]"));
        assertThat(targetMember.post(targetMenus + "import/upload/", upload(tar(good))).status()).isEqualTo(200);
        before++;

        refused(bytes("not an archive at all"), "not a gzip-compressed tar archive");
        Map<String, byte[]> version = new LinkedHashMap<>(good);
        version.put("VERSION", bytes("{\"format\":\"jita-kym\",\"version\":2}"));
        refused(tar(version), "is not a format this server reads");
        Map<String, byte[]> noDpInfo = new LinkedHashMap<>(good);
        noDpInfo.remove("DP_INFO");
        refused(tar(noDpInfo), "DP_INFO is missing");
        Map<String, byte[]> noGroups = new LinkedHashMap<>(good);
        noGroups.remove("MENU_GROUPS");
        refused(tar(noGroups), "MENU_GROUPS is missing");
        Map<String, byte[]> escape = new LinkedHashMap<>(good);
        escape.put("files/../../escape", bytes("x"));
        refused(tar(escape), "unsafe path");
        Map<String, byte[]> absolute = new LinkedHashMap<>(good);
        absolute.put("/etc/escape", bytes("x"));
        refused(tar(absolute), "unsafe path");
        Map<String, byte[]> bomb = new LinkedHashMap<>(good);
        bomb.put("files/operation_list/bomb", new byte[8_000_000]);
        byte[] bombArchive = tar(bomb);
        assertThat(bombArchive.length).isLessThan(100_000);
        refused(bombArchive, "it unpacks to more than 4000000 bytes");
        assertThat(uploads()).isEqualTo(before);
    }

    @Test
    void refusals() {
        byte[] kym = exported(Map.of("mode", "1", "abolished_type", "1", "menu", List.of("operation_list")));
        String upload = targetMenus + "import/upload/";
        String execute = targetMenus + "import/execute/";
        assertError(http().post(upload, upload(kym)), 401, "401-00002");
        assertError(http().post(execute, Map.of("upload_id", "x", "menu", List.of("operation_list"))), 401, "401-00002");
        // A user of another organization is not known in the target's.
        createOrganization(unique("other"), "stranger", "stranger-pass");
        assertError(http().as("stranger", "stranger-pass").post(upload, upload(kym)), 401, "401-00002");
        assertError(targetViewer.post(upload, upload(kym)), 403, "403-00001");
        assertError(targetViewer.post(execute, Map.of("upload_id", "x", "menu", List.of("operation_list"))), 403,
                "403-00001");
        for (String path : List.of(upload, execute)) {
            assertError(targetMember.send("POST", path, "application/json", bytes("{\"file\":")), 400, "400-00002");
            assertError(targetMember.post(path, null), 415, "415-00001");
            assertError(targetMember.send("POST", path, "text/plain", bytes("{}")), 415, "415-00001");
        }
        assertError(targetMember.post(upload, Map.of("file", Map.of("name", "a.kym"))), 400, "400-00001");
        assertError(targetMember.post(upload, Map.of("file", Map.of("name", "a.kym", "base64", "%%%"))), 400,
                "400-00001");
        String uploadId = uploadId(targetMember, targetMenus, kym);
        assertError(targetMember.post(execute, Map.of("upload_id", "no-such-upload", "menu", List.of("operation_list"))),
                499, "499-00005");
        Http.Reply invalid = targetMember.post(execute, Map.of("upload_id", uploadId, "passphrase", "short",
                "menu", List.of("operation_list", "device_list", "no_such_menu")));
        assertError(invalid, 499, "499-00005");
        assertThat(invalid.json().path("data").path("errors").path("menu").toString())
                .contains("not in the archive: device_list", "not in the archive: no_such_menu")
                .doesNotContain("\"operation_list");
        assertThat(invalid.json().path("data").path("errors").has("passphrase")).isTrue();
        // An upload of another workspace is not found here.
        createWorkspace(targetMember, target, "ws2");
        String otherMenus = "/api/" + target + "/workspaces/ws2/ita/menu/";
        assertError(targetMember.post(otherMenus + "import/execute/", Map.of("upload_id", uploadId,
                "menu", List.of("operation_list"))), 499, "499-00005");
        setModes("0", "1");
        try {
            assertError(targetMember.post(upload, upload(kym)), 498, "498-00015");
            assertError(targetMember.post(execute, Map.of("upload_id", uploadId, "menu", List.of("operation_list"))),
                    498, "498-00015");
        } finally {
            setModes("0", "0");
        }
        String no = execute(uploadId, List.of("operation_list"), null);
        assertThat(ended(targetMember, targetMenus, no).path("status").asString()).isEqualTo("Completed");
        // An upload is imported once.
        assertError(targetMember.post(execute, Map.of("upload_id", uploadId, "menu", List.of("operation_list"))),
                499, "499-00005");
    }

    /**
     * Load mode switched ON while an import writes: the PATCH answers (the import gives way at its next checkpoint),
     * the import is rolled back and waits in Unexecuted, and completes once the modes are OFF.
     */
    @Test
    void loadModeDuringTheImportRollsItBackAndItRunsAgainAfterwards() throws Exception {
        switchedOnDuringTheImport("0", "1");
    }

    /** The same with Stop server side jobs: the import gives way to the change under way and steps aside. */
    @Test
    void stopJobsDuringTheImportRollsItBackAndItRunsAgainAfterwards() throws Exception {
        switchedOnDuringTheImport("1", "0");
    }

    private void switchedOnDuringTheImport(String backyardExecuteStop, String dataUpdateStop) throws Exception {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(Map.of("type", "Register", "parameter", Map.of("operation_name", "bulk-" + i)));
        }
        many.add(Map.of("type", "Register", "parameter", Map.of("operation_name", "slow")));
        for (int i = 300; i < 600; i++) {
            many.add(Map.of("type", "Register", "parameter", Map.of("operation_name", "bulk-" + i)));
        }
        Http.Reply bulk = member.post(menus + "operation_list/maintenance/all/", many);
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
        byte[] kym = exported(Map.of("mode", "1", "abolished_type", "1", "menu", List.of("operation_list")));
        pause.organization = target;
        pause.reached = new CountDownLatch(1);
        pause.release = new CountDownLatch(1);
        String no = execute(uploadId(targetMember, targetMenus, kym), List.of("operation_list"), null);
        try {
            assertThat(pause.reached.await(60, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Http.Reply> patch = CompletableFuture.supplyAsync(() -> admin().patch(MODES,
                    Map.of("backyard_execute_stop", backyardExecuteStop, "data_update_stop", dataUpdateStop)));
            while (jdbc.sql("SELECT COUNT(*) FROM maintenance_switch").query(Integer.class).single() == 0
                    && !patch.isDone()) {
                Thread.sleep(20);
            }
            pause.organization = null;
            pause.release.countDown();
            Http.Reply reply = patch.get(60, TimeUnit.SECONDS);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!status(targetMember, targetMenus, no).equals("Unexecuted") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(status(targetMember, targetMenus, no)).as(() -> "backyard item: " + jdbc.sql(
                    "SELECT phase, status_id, node_id, note FROM backyard_item WHERE item_id = ?").param(no)
                    .query().listOfRows()).isEqualTo("Unexecuted");
            assertThat(targetMember.get(targetMenus + "operation_list/filter/").data().size()).isZero();
        } finally {
            pause.organization = null;
            pause.release.countDown();
            setModes("0", "0");
        }
        assertThat(ended(targetMember, targetMenus, no).path("status").asString()).isEqualTo("Completed");
        assertThat(records(targetMember, targetMenus, "operation_list"))
                .containsExactlyInAnyOrderElementsOf(records(member, menus, "operation_list"));
    }

    // ---------------------------------------------------------------- helpers

    private void refused(byte[] archive, String reason) {
        Http.Reply reply = targetMember.post(targetMenus + "import/upload/", upload(archive));
        assertError(reply, 499, "499-00905");
        assertThat(reply.json().path("message").asString()).contains(reason);
    }

    private int uploads() {
        return jdbc.sql("SELECT COUNT(*) FROM menu_import_upload WHERE organization_id = ?").param(target)
                .query(Integer.class).single();
    }

    private static byte[] tar(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                TarArchiveEntry header = new TarArchiveEntry(entry.getKey(), true);
                header.setSize(entry.getValue().length);
                tar.putArchiveEntry(header);
                tar.write(entry.getValue());
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    private static Map<String, Object> upload(byte[] kym) {
        return Map.of("file", Map.of("name", "data.kym", "base64", Base64.getEncoder().encodeToString(kym)));
    }

    private static String uploadId(Http http, String base, byte[] kym) {
        Http.Reply reply = http.post(base + "import/upload/", upload(kym));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().path("upload_id").asString();
    }

    private String execute(String uploadId, List<String> chosen, String passphrase) {
        Map<String, Object> body = new HashMap<>(Map.of("upload_id", uploadId, "file_name", "data.kym",
                "menu", chosen));
        if (passphrase != null) {
            body.put("passphrase", passphrase);
        }
        Http.Reply reply = targetMember.post(targetMenus + "import/execute/", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().path("execution_no").asString();
    }

    private String execute(TestWorkspace workspace, String uploadId, List<String> chosen) {
        Http.Reply reply = workspace.member().post(workspace.menus() + "import/execute/", Map.of("upload_id", uploadId,
                "file_name", "data.kym", "menu", chosen, "passphrase", PASSPHRASE));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().path("execution_no").asString();
    }

    private int sheets(String organization) {
        return jdbc.sql("SELECT COUNT(*) FROM sheet_definition WHERE organization_id = ?").param(organization)
                .query(Integer.class).single();
    }

    /** The source's export with this request, downloaded. */
    private byte[] exported(Map<String, Object> request) {
        Http.Reply reply = member.post(menus + "bulk/export/execute/", request);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        String no = reply.data().path("execution_no").asString();
        assertThat(ended(member, menus, no).path("status").asString()).isEqualTo("Completed");
        Http.Reply file = member.get(menus + MenuExportImportList.MENU + "/" + no + "/file_name/file/");
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        return Base64.getDecoder().decode(file.data().path("file_data").asString());
    }

    private static String status(Http http, String base, String no) {
        for (JsonNode record : http.get(base + MenuExportImportList.MENU + "/filter/").data()) {
            if (record.path("parameter").path("execution_no").asString().equals(no)) {
                return record.path("parameter").path("status").asString();
            }
        }
        throw new AssertionError("no job " + no);
    }

    private static JsonNode ended(Http http, String base, String no) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode record : http.get(base + MenuExportImportList.MENU + "/filter/").data()) {
                JsonNode row = record.path("parameter");
                if (row.path("execution_no").asString().equals(no) && row.path("status").asString().startsWith("Completed")) {
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
        throw new AssertionError("job " + no + " did not end");
    }

    private static String log(Http http, String base, String no) {
        Http.Reply reply = http.get(base + MenuExportImportList.MENU + "/" + no + "/execution_log/file/");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return new String(Base64.getDecoder().decode(reply.data().path("file_data").asString()), StandardCharsets.UTF_8);
    }

    /**
     * The menu's records as filter/ shows them, without what every write sets anew and the uuid (another
     * workspace's import gets uuids of its own: record ids are unique in the database), in any order.
     */
    private static List<JsonNode> records(Http http, String base, String menu) {
        List<JsonNode> records = new ArrayList<>();
        for (JsonNode record : http.get(base + menu + "/filter/").data()) {
            ObjectNode parameter = (ObjectNode) record.path("parameter").deepCopy();
            String uuid = parameter.path("uuid").asString();
            // An ID column (operation_id) shows the uuid.
            parameter.properties().removeIf(field -> field.getValue().asString("").equals(uuid));
            parameter.remove(List.of("last_update_date_time", "last_updated_user"));
            records.add(parameter);
        }
        return records;
    }

    private static void register(Http http, String base, String menu, Map<String, Object> parameter) {
        Http.Reply reply = http.post(base + menu + "/maintenance/", Map.of("parameter", parameter));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private static JsonNode row(Http http, String base, String menu, String name) {
        for (JsonNode record : http.get(base + menu + "/filter/").data()) {
            if (record.path("parameter").toString().contains("\"" + name + "\"")) {
                return record.path("parameter");
            }
        }
        throw new AssertionError("no record " + name + " in " + menu);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
