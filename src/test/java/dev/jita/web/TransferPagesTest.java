package dev.jita.web;

import static dev.jita.test.Waits.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import dev.jita.test.UiClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The export and import pages without a browser: each page in both languages, exports and imports registered
 * through the pages' forms and run by this server's jobs, the files downloaded raw; refusals (no session, no CSRF
 * token, another organization or workspace, a viewer, bad values and files, load mode) shown clearly, never a 500,
 * with nothing registered.
 */
@TestPropertySource(properties = {"jita.menu-export-import.enabled=true", "jita.excel-export-import.enabled=true",
        "jita.backyard.enabled=true", "jita.backyard.poll-interval=100ms"})
class TransferPagesTest extends ApiTest {

    private static final Pattern UPLOAD_ID = Pattern.compile("name=\"upload_id\" value=\"([^\"]+)\"");
    private static final Pattern REGISTERED = Pattern.compile("registered=([0-9a-f-]+)");
    private static final String PASSPHRASE = "correct horse battery";
    private static final List<String> PAGES = List.of("menu-export", "menu-import", "menu-jobs", "excel-export",
            "excel-import", "excel-jobs");

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    private String org;
    private String base;
    private String base2;
    private Http owner;
    private UiClient member;
    private UiClient viewer;

    @BeforeEach
    void workspaces() {
        org = unique("tp-org");
        createOrganization(org, "owner", "owner-pass");
        owner = http().as("owner", "owner-pass");
        createWorkspace(owner, org, "ws1");
        createWorkspace(owner, org, "ws2");
        createUser(owner, org, "watcher", "watcher-pass", "ws1", "viewer");
        base = "/ui/ws/" + org + "/ws1/transfer/";
        base2 = "/ui/ws/" + org + "/ws2/transfer/";
        member = new UiClient(port);
        member.logIn(org, "owner", "owner-pass");
        viewer = new UiClient(port);
        viewer.logIn(org, "watcher", "watcher-pass");
    }

    private String api(String ws) {
        return "/api/" + org + "/workspaces/" + ws + "/ita/menu/";
    }

    private void registerOperation(String ws, String name) {
        Http.Reply reply = owner.post(api(ws) + "operation_list/maintenance/all/",
                List.of(Map.of("type", "Register", "parameter", Map.of("operation_name", name))));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private int jobs(String ws, String list) {
        return owner.get(api(ws) + list + "/filter/count/").data().asInt();
    }

    private static Map<String, String> form(String token, String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", token);
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static String registered(UiClient.Page answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
        Matcher no = REGISTERED.matcher(answer.location());
        assertThat(no.find()).as(answer.location()).isTrue();
        return no.group(1);
    }

    /** Waits until the job list page shows the job ended; its status id. */
    private String awaitEnd(UiClient client, String list, String no) throws InterruptedException {
        String[] status = new String[1];
        awaitTrue("job " + no + " ends", Duration.ofSeconds(60), () -> {
            Matcher row = Pattern.compile("id=\"job-" + no + "\" data-status=\"(\\d)\"").matcher(client.get(list).body());
            status[0] = row.find() ? row.group(1) : null;
            return "3".equals(status[0]) || "4".equals(status[0]);
        });
        return status[0];
    }

    private static void shows(UiClient.Page page, String... texts) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains(texts).doesNotContainIgnoringCase("exception").doesNotContain("SELECT ");
    }

    @Test
    void everyPageRendersInBothLanguages() {
        for (String page : PAGES) {
            shows(member.get(base + page + "?lang=en"), "id=\"nav-" + page + "\"");
        }
        shows(member.get(base + "menu-export"), "Menu export", "id=\"menu-operation_list\"", "id=\"group-102\"",
                "Environment migration", "Time specified", "id=\"passphrase-confirm\"", "id=\"export\"");
        assertThat(member.get(base + "menu-export").body()).doesNotContain("id=\"menu-menu_export_import_list\"");
        shows(member.get(base + "excel-export"), "Only discarded records", "id=\"menu-operation_list\"");
        shows(member.get(base + "menu-import"), "id=\"upload-form\"", "accept=\".kym\"");
        shows(member.get(base + "excel-import"), "name=\"zipfile\"");
        shows(member.get(base + "menu-jobs"), "id=\"no-jobs\"", "No jobs yet.");
        shows(member.get("/ui/ws/" + org + "/ws1/menu/operation_list"), "id=\"transfer-menu-export\"",
                "id=\"transfer-excel-jobs\"");

        shows(member.get(base + "menu-export?lang=ja"), "メニューエクスポート", "環境移行", "時刻指定", "基本コンソール");
        shows(member.get(base + "excel-export?lang=ja"), "Excel一括エクスポート", "廃止のみ");
        shows(member.get(base + "menu-jobs?lang=ja"), "ジョブはまだありません。");
    }

    @Test
    void menusAreExportedAndImportedThroughThePages() throws Exception {
        registerOperation("ws1", "op-one");
        registerOperation("ws1", "op-two");
        String token = member.get(base + "menu-export").csrfToken();
        String no = registered(member.post(base + "menu-export", form(token, "menu", "operation_list", "mode", "1",
                "abolished_type", "1", "journal_type", "1", "passphrase", PASSPHRASE, "passphrase_confirm", PASSPHRASE)));
        assertThat(awaitEnd(member, base + "menu-jobs", no)).isEqualTo("3");
        UiClient.Page list = member.get(base + "menu-jobs?registered=" + no);
        shows(list, "id=\"registered\"", "Completed", "Export", "Environment migration", "status-3",
                "data-running=\"false\"", "/transfer/menu-jobs/" + no + "/file_name", "/transfer/menu-jobs/" + no
                        + "/execution_log");
        shows(member.get(base + "menu-jobs?lang=ja"), "完了", "エクスポート", "環境移行");

        UiClient.Download archive = member.download(base + "menu-jobs/" + no + "/file_name");
        assertThat(archive.status()).isEqualTo(200);
        assertThat(archive.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
                .contains(".kym");
        assertThat(archive.body()[0] & 0xff).isEqualTo(0x1f);
        assertThat(archive.body()[1] & 0xff).isEqualTo(0x8b);
        UiClient.Download log = member.download(base + "menu-jobs/" + no + "/execution_log");
        assertThat(log.status()).isEqualTo(200);
        assertThat(new String(log.body(), StandardCharsets.UTF_8)).contains("operation_list");
        assertThat(viewer.download(base + "menu-jobs/" + no + "/file_name").status()).isEqualTo(200);
        assertThat(member.download(base2 + "menu-jobs/" + no + "/file_name").status()).isEqualTo(404);
        assertThat(member.download(base + "menu-jobs/" + no + "/remarks").status()).isEqualTo(404);

        String token2 = member.get(base2 + "menu-import").csrfToken();
        UiClient.Page checked = member.postMultipart(base2 + "menu-import/upload", form(token2), "file",
                "exported.kym", archive.body());
        shows(checked, "Contents of exported.kym", "id=\"archive-mode\"", "Environment migration",
                "History available", "jita-kym 1", "Encrypted with a passphrase", "id=\"menu-operation_list\"",
                "id=\"passphrase\"");
        Matcher upload = UPLOAD_ID.matcher(checked.body());
        assertThat(upload.find()).isTrue();
        // A refused import shows the archive again, and leaves the upload for the next try.
        UiClient.Page refused = member.post(base2 + "menu-import", form(token2, "upload_id", upload.group(1)));
        shows(refused, "499-00005", "id=\"reasons\"", "Contents of exported.kym");
        String imported = registered(member.post(base2 + "menu-import", form(token2, "upload_id", upload.group(1),
                "menu", "operation_list", "passphrase", PASSPHRASE)));
        assertThat(awaitEnd(member, base2 + "menu-jobs", imported)).isEqualTo("3");
        shows(member.get(base2 + "menu-jobs"), "Import", "Completed");
        String records = owner.get(api("ws2") + "operation_list/filter/").body();
        assertThat(records).contains("op-one").contains("op-two");
    }

    @Test
    void excelWorkbooksAreExportedAndImportedThroughThePages() throws Exception {
        registerOperation("ws1", "excel-op");
        String token = member.get(base + "excel-export").csrfToken();
        String no = registered(member.post(base + "excel-export", form(token, "menu", "operation_list",
                "abolished_type", "2")));
        assertThat(awaitEnd(member, base + "excel-jobs", no)).isEqualTo("3");
        shows(member.get(base + "excel-jobs"), "Exclude discarded records", "Completed",
                "/transfer/excel-jobs/" + no + "/file_name");
        UiClient.Download zip = member.download(base + "excel-jobs/" + no + "/file_name");
        assertThat(zip.status()).isEqualTo(200);
        assertThat(new String(zip.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

        String token2 = member.get(base2 + "excel-import").csrfToken();
        UiClient.Page unknown = member.postMultipart(base2 + "excel-import/upload", form(token2), "zipfile",
                "renamed.zip", renamedMenu(zip.body()));
        shows(unknown, "id=\"unimportable\"", "nosuch_menu", "no menu of this REST name", "id=\"nothing-importable\"");
        UiClient.Page checked = member.postMultipart(base2 + "excel-import/upload", form(token2), "zipfile",
                "workbooks.zip", zip.body());
        shows(checked, "Contents of workbooks.zip", "id=\"menu-operation_list\"", "Basic Console");
        Matcher upload = UPLOAD_ID.matcher(checked.body());
        assertThat(upload.find()).isTrue();
        String imported = registered(member.post(base2 + "excel-import", form(token2, "upload_id", upload.group(1),
                "file_name", "workbooks.zip", "menu", "operation_list")));
        assertThat(awaitEnd(member, base2 + "excel-jobs", imported)).isEqualTo("3");
        UiClient.Download result = member.download(base2 + "excel-jobs/" + imported + "/result_file");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.headers().firstValue("Content-Disposition").orElse("")).contains("ResultData_");
        // The exported rows carry no process type: the import reads them and writes nothing.
        assertThat(new String(result.body(), StandardCharsets.UTF_8)).contains("operation_list");
        assertThat(owner.get(api("ws2") + "operation_list/filter/count/").data().asInt()).isZero();
    }

    /** The zip with its one menu listed under a name no workspace has. */
    private static byte[] renamedMenu(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream renamed = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("MENU_LIST.txt")) {
                    content = new String(content, StandardCharsets.UTF_8).replace("operation_list:", "nosuch_menu:")
                            .getBytes(StandardCharsets.UTF_8);
                }
                renamed.putNextEntry(new ZipEntry(entry.getName()));
                renamed.write(content);
                renamed.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void badInputIsAnsweredOnThePageAndRegistersNothing() {
        String token = member.get(base + "menu-export").csrfToken();
        shows(member.post(base + "menu-export", form(token, "mode", "1", "abolished_type", "1")), "499-00005",
                "id=\"reasons\"", "menu");
        shows(member.post(base + "menu-export", form(token, "menu", "operation_list", "mode", "2",
                "abolished_type", "1", "specified", "yesterday")), "499-01501");
        shows(member.post(base + "menu-export", form(token, "menu", "operation_list", "mode", "3",
                "abolished_type", "9", "journal_type", "x")), "499-00005", "mode", "abolished_type", "journal_type");
        shows(member.post(base + "menu-export", form(token, "menu", "operation_list", "mode", "1",
                "abolished_type", "1", "passphrase", PASSPHRASE, "passphrase_confirm", "something else")),
                "The two passphrases differ");
        shows(member.post(base + "menu-export", form(token, "menu", "operation_list", "mode", "1",
                "abolished_type", "1", "passphrase", "short", "passphrase_confirm", "short")), "499-00005",
                "passphrase");
        shows(member.post(base + "menu-export", form(token, "menu", "no_such_menu", "mode", "1",
                "abolished_type", "1")), "499-00005", "no_such_menu");
        shows(member.post(base + "excel-export", form(token, "menu", "menu_export_import_list",
                "abolished_type", "4")), "499-00701", "abolished_type");

        shows(member.postMultipart(base + "menu-import/upload", form(token), "file", "empty.kym", new byte[0]),
                "Choose a file to upload.");
        shows(member.postMultipart(base + "menu-import/upload", form(token), "file", null, null),
                "Choose a file to upload.");
        shows(member.postMultipart(base + "menu-import/upload", form(token), "file", "bad.kym",
                "not an archive".getBytes(StandardCharsets.UTF_8)), "499-00905");
        shows(member.postMultipart(base + "excel-import/upload", form(token), "zipfile", "bad.zip",
                "not a zip".getBytes(StandardCharsets.UTF_8)), "499-0130");
        shows(member.post(base + "menu-import", form(token, "upload_id", "nope", "menu", "operation_list")),
                "499-00005", "nope");
        shows(member.post(base + "excel-import", form(token, "upload_id", "nope", "file_name", "x.zip",
                "menu", "operation_list")), "499-00701", "upload_id");

        UiClient.Page getUpload = member.get(base + "menu-import/upload");
        assertThat(getUpload.status()).as(getUpload.toString()).isIn(404, 405);
        assertThat(member.download(base + "menu-jobs/nope/file_name").status()).isEqualTo(404);
        assertThat(member.download(base + "excel-jobs/nope/result_file").status()).isEqualTo(404);
        assertThat(jobs("ws1", "menu_export_import_list")).isZero();
        assertThat(jobs("ws1", "bulk_excel_export_import_list")).isZero();
    }

    @Test
    void withoutASessionOrATokenNothingIsRegistered() {
        UiClient anonymous = new UiClient(port);
        for (String page : PAGES) {
            UiClient.Page answer = anonymous.get(base + page);
            assertThat(answer.status()).as(page).isEqualTo(302);
            assertThat(answer.location()).endsWith("/login");
        }
        String token = member.get(base + "menu-export").csrfToken();
        Map<String, String> export = form(token, "menu", "operation_list", "mode", "1", "abolished_type", "1");
        assertThat(anonymous.post(base + "menu-export", export).status()).isIn(302, 403);
        Map<String, String> noToken = new LinkedHashMap<>(export);
        noToken.remove("_csrf");
        assertThat(member.post(base + "menu-export", noToken).status()).isEqualTo(403);
        assertThat(member.post(base + "excel-export", Map.of("menu", "operation_list", "abolished_type", "1"))
                .status()).isEqualTo(403);
        noToken.put("_csrf", "not-the-token");
        assertThat(member.post(base + "menu-export", noToken).status()).isEqualTo(403);
        assertThat(member.postMultipart(base + "menu-import/upload", Map.of(), "file", "a.kym", new byte[] {1})
                .status()).isEqualTo(403);
        assertThat(jobs("ws1", "menu_export_import_list")).isZero();
        assertThat(jobs("ws1", "bulk_excel_export_import_list")).isZero();
    }

    @Test
    void anotherOrganizationOrWorkspaceGetsNothing() {
        String other = unique("tp-other");
        createOrganization(other, "stranger", "stranger-pass");
        createWorkspace(http().as("stranger", "stranger-pass"), other, "ws1");
        UiClient stranger = new UiClient(port);
        stranger.logIn(other, "stranger", "stranger-pass");
        for (String page : PAGES) {
            assertThat(stranger.get(base + page).status()).as(page).isEqualTo(403);
        }
        String token = stranger.get("/ui/ws/" + other + "/ws1/transfer/menu-export").csrfToken();
        UiClient.Page answer = stranger.post(base + "menu-export", form(token, "menu", "operation_list", "mode", "1",
                "abolished_type", "1"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("403-00001").doesNotContainIgnoringCase("exception");
        assertThat(stranger.post(base + "excel-export", form(token, "menu", "operation_list", "abolished_type", "1"))
                .status()).isEqualTo(403);
        assertThat(stranger.download(base + "menu-jobs/x/file_name").status()).isEqualTo(403);
        String mine = member.get(base + "menu-export").csrfToken();
        assertThat(member.post("/ui/ws/" + org + "/ws9/transfer/menu-export", form(mine, "menu", "operation_list",
                "mode", "1", "abolished_type", "1")).status()).isEqualTo(403);
        assertThat(member.get("/ui/ws/" + org + "/ws9/transfer/menu-jobs").status()).isEqualTo(403);
        assertThat(jobs("ws1", "menu_export_import_list")).isZero();
        assertThat(jobs("ws1", "bulk_excel_export_import_list")).isZero();
    }

    @Test
    void aViewerSeesThePagesReadOnlyWithTheReason() throws Exception {
        UiClient.Page export = viewer.get(base + "menu-export");
        shows(export, "id=\"read-only-notice\"", "viewer", "id=\"menu-operation_list\"");
        assertThat(export.body()).doesNotContain("id=\"export\"").contains("disabled");
        UiClient.Page upload = viewer.get(base + "menu-import");
        shows(upload, "id=\"read-only-notice\"");
        assertThat(upload.body()).doesNotContain("id=\"upload-form\"");
        shows(viewer.get(base + "excel-import"), "id=\"read-only-notice\"");
        shows(viewer.get(base + "menu-jobs"), "id=\"no-jobs\"");
        String token = viewer.get(base + "menu-export").csrfToken();
        assertThat(viewer.post(base + "menu-export", form(token, "menu", "operation_list", "mode", "1",
                "abolished_type", "1")).status()).isEqualTo(403);
        assertThat(viewer.postMultipart(base + "menu-import/upload", form(token), "file", "a.kym", new byte[] {1})
                .status()).isEqualTo(403);
        assertThat(viewer.post(base + "menu-import", form(token, "upload_id", "x", "menu", "operation_list"))
                .status()).isEqualTo(403);
        assertThat(viewer.postMultipart(base + "excel-import/upload", form(token), "zipfile", "a.zip", new byte[] {1})
                .status()).isEqualTo(403);
        assertThat(viewer.post(base + "excel-import", form(token, "upload_id", "x", "menu", "operation_list"))
                .status()).isEqualTo(403);
        assertThat(jobs("ws1", "menu_export_import_list")).isZero();
        // An Excel export changes no data: a viewer may register one, as through the API.
        UiClient.Page excel = viewer.get(base + "excel-export");
        shows(excel, "id=\"export\"");
        String no = registered(viewer.post(base + "excel-export", form(token, "menu", "operation_list",
                "abolished_type", "1")));
        assertThat(awaitEnd(viewer, base + "excel-jobs", no)).isEqualTo("3");
    }

    @Test
    void loadModeSaysWhyAndRegistersNothing() {
        String token = member.get(base + "menu-export").csrfToken();
        setModes("0", "1");
        try {
            UiClient.Page export = member.get(base + "menu-export");
            shows(export, "id=\"read-only-notice\"", "load mode", "498-00014");
            assertThat(export.body()).doesNotContain("id=\"export\"");
            shows(member.get(base + "menu-import"), "498-00015");
            shows(member.get(base + "excel-export"), "498-00016");
            shows(member.get(base + "excel-import?lang=ja"), "498-00017", "更新停止モード");
            shows(member.get(base + "menu-jobs?lang=en"), "id=\"read-only-notice\"");
            shows(member.post(base + "menu-export", form(token, "menu", "operation_list", "mode", "1",
                    "abolished_type", "1")), "id=\"error\"", "498-00014");
            shows(member.post(base + "excel-export", form(token, "menu", "operation_list", "abolished_type", "1")),
                    "498-00016");
            shows(member.postMultipart(base + "menu-import/upload", form(token), "file", "a.kym", new byte[] {1}),
                    "498-00015");
            shows(member.postMultipart(base + "excel-import/upload", form(token), "zipfile", "a.zip", new byte[] {1}),
                    "498-00017");
            shows(member.post(base + "menu-import", form(token, "upload_id", "x", "menu", "operation_list")),
                    "498-00015");
            shows(member.post(base + "excel-import", form(token, "upload_id", "x", "menu", "operation_list")),
                    "498-00017");
        } finally {
            setModes("0", "0");
        }
        setModes("1", "0");
        try {
            shows(member.get(base + "menu-export"), "id=\"backyard-notice\"", "id=\"export\"");
        } finally {
            setModes("0", "0");
        }
        assertThat(jobs("ws1", "menu_export_import_list")).isZero();
        assertThat(jobs("ws1", "bulk_excel_export_import_list")).isZero();
    }
}
