package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.UiClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The menu table's edit mode without a browser: its apply endpoint ({@code POST …/menu/{menu}/apply}) writes every
 * row or none, names each refusal by item and column in the page's language and a record changed since it was
 * loaded by who changed it; those not logged in, other organizations, viewers, malformed bodies and load mode
 * change nothing. A single-record edit returns to the table with its search.
 */
class MenuEditPagesTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String org;
    private String api;
    private String table;
    private String apply;
    private Http member;
    private UiClient owner;
    private String token;

    @BeforeEach
    void devices() {
        TestWorkspace ws = newWorkspace("edit");
        org = ws.org();
        member = ws.member();
        api = ws.menus() + "device_list/";
        List<Map<String, Object>> devices = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            devices.add(Map.of("host_name", "host-" + i, "connection_type", "ssh", "port_no", 22));
        }
        Http.Reply reply = member.post(api + "maintenance/all/",
                devices.stream().map(p -> Map.of("type", "Register", "parameter", p)).toList());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        table = "/ui/ws/" + org + "/ws1/menu/device_list";
        apply = table + "/apply";
        owner = new UiClient(port);
        owner.logIn(org, "owner", "owner-pass");
        UiClient.Page page = owner.get(table);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"edit-start\"").contains("data-apply-url=\"" + apply + "\"");
        token = page.csrfToken();
    }

    private JsonNode record(String host) {
        return member.post(api + "filter/", Map.of("host_name", Map.of("LIST", List.of(host)))).data().get(0)
                .path("parameter");
    }

    private List<String> hosts() {
        List<String> hosts = new ArrayList<>();
        member.post(api + "filter/", Map.of()).data().forEach(r -> hosts.add(r.path("parameter").path("host_name")
                .asString() + (r.path("parameter").path("discard").asString().equals("1") ? " (discarded)" : "")));
        return hosts.stream().sorted().toList();
    }

    private static Map<String, Object> update(JsonNode record, Map<String, Object> values) {
        Map<String, Object> parameter = new LinkedHashMap<>(values);
        parameter.put("uuid", record.path("uuid").asString());
        parameter.put("last_update_date_time", record.path("last_update_date_time").asString());
        return Map.of("type", "Update", "parameter", parameter);
    }

    private static Map<String, Object> discard(JsonNode record) {
        return Map.of("type", "Discard", "parameter", Map.of("uuid", record.path("uuid").asString(),
                "last_update_date_time", record.path("last_update_date_time").asString()));
    }

    private static String body(Object operations) {
        return JSON.writeValueAsString(operations);
    }

    private static JsonNode answer(UiClient.Page page) {
        return JSON.readTree(page.body());
    }

    @Test
    void everyRowIsWrittenAtOnce() {
        List<String> before = hosts();
        UiClient.Page page = owner.postJson(apply, body(List.of(
                update(record("host-0"), Map.of("login_user", "alice")),
                update(record("host-1"), Map.of("port_no", "2222")),
                Map.of("type", "Register", "parameter", Map.of("host_name", "host-new", "connection_type", "ssh")),
                discard(record("host-2")))), token);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(answer(page).path("data").path("counts").path("Update").asInt()).isEqualTo(2);
        assertThat(before).containsExactly("host-0", "host-1", "host-2");
        assertThat(hosts()).containsExactly("host-0", "host-1", "host-2 (discarded)", "host-new");
        assertThat(record("host-0").path("login_user").asString()).isEqualTo("alice");
        assertThat(record("host-1").path("port_no").asInt()).isEqualTo(2222);
    }

    @Test
    void oneBadRowAmongGoodOnesWritesNothingAndIsNamedInThePagesLanguage() {
        String body = body(List.of(
                update(record("host-0"), Map.of("login_user", "alice")),
                update(record("host-1"), Map.of("port_no", "70000")),
                Map.of("type", "Register", "parameter", Map.of("host_name", "host-new"))));
        UiClient.Page page = owner.postJson(apply, body, token);
        assertThat(page.status()).as(page.toString()).isEqualTo(499);
        JsonNode items = answer(page).path("data").path("items");
        assertThat(items.has("0")).isFalse();
        assertThat(items.path("1").path("reasons").path("port_no").get(0).asString())
                .isEqualTo("An integer from 0 to 65535.");
        assertThat(items.path("2").path("reasons").path("connection_type").get(0).asString()).isEqualTo("Required.");
        assertThat(record("host-0").path("login_user").isNull()).isTrue();
        assertThat(hosts()).containsExactly("host-0", "host-1", "host-2");

        UiClient.Page japanese = owner.postJson(apply + "?lang=ja", body, token);
        assertThat(japanese.status()).isEqualTo(499);
        JsonNode refused = answer(japanese);
        assertThat(refused.path("message").asString()).contains("何も書き込まれていません");
        assertThat(refused.path("data").path("items").path("1").path("reasons").path("port_no").get(0).asString())
                .isEqualTo("0 から 65535 までの整数を入力してください。");
        assertThat(refused.path("data").path("items").path("2").path("reasons").path("connection_type").get(0)
                .asString()).isEqualTo("必須項目です。");
    }

    @Test
    void aReferenceMustNameAReferencedRecordAndTheFormsOfferThemAll() {
        String menus = "/api/" + org + "/workspaces/ws1/ita/menu/";
        assertThat(member.post(menus + "operation_list/maintenance/", Map.of("parameter", Map.of("operation_name", "op1")))
                .status()).isEqualTo(200);
        assertThat(member.post(menus + "movement_list_ansible_legacy/maintenance/",
                Map.of("parameter", Map.of("movement_name", "mv1"))).status()).isEqualTo(200);
        String targets = "/ui/ws/" + org + "/ws1/menu/target_host_ansible_legacy";
        UiClient.Page page = owner.get(targets);
        assertThat(page.body()).contains("<datalist id=\"refs-host\">").contains("<option value=\"host-2\"></option>")
                .contains("data-choices=\"refs-operation\"").contains("list=\"refs-host\"");
        UiClient.Page refused = owner.postJson(targets + "/apply?lang=ja", body(List.of(Map.of("type", "Register",
                "parameter", Map.of("operation", "op1", "movement", "mv1", "host", "nope")))), page.csrfToken());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(499);
        assertThat(answer(refused).path("data").path("items").path("0").path("reasons").path("host").get(0).asString())
                .isEqualTo("「nope」は device_list のレコードにありません。一覧から選んでください。");
        UiClient.Page written = owner.postJson(targets + "/apply", body(List.of(Map.of("type", "Register",
                "parameter", Map.of("operation", "op1", "movement", "mv1", "host", "host-2")))), page.csrfToken());
        assertThat(written.status()).as(written.toString()).isEqualTo(200);
        assertThat(member.post(menus + "target_host_ansible_legacy/filter/", Map.of()).data().get(0).path("parameter")
                .path("host").asString()).isEqualTo("host-2");
    }

    @Test
    void aStaleUpdateNamesWhoChangedTheRecordAndWhen() {
        JsonNode loaded = record("host-0");
        Http.Reply changed = member.patch(api + "maintenance/" + loaded.path("uuid").asString(), Map.of("parameter",
                Map.of("login_user", "bob", "last_update_date_time", loaded.path("last_update_date_time").asString())));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode now = record("host-0");
        UiClient.Page page = owner.postJson(apply, body(List.of(update(loaded, Map.of("login_user", "alice")),
                update(record("host-1"), Map.of("login_user", "carol")))), token);
        assertThat(page.status()).as(page.toString()).isEqualTo(499);
        JsonNode item = answer(page).path("data").path("items").path("0");
        // The time in the pages' one format, in the reader's zone (UTC: this client sends no zone).
        assertThat(item.path("conflict").asString()).isEqualTo("Changed by owner at "
                + now.path("last_update_date_time").asString().substring(0, 19) + " since you loaded it.");
        assertThat(item.path("reasons").isEmpty()).isTrue();
        assertThat(page.body()).doesNotContain("not registered");
        assertThat(record("host-0").path("login_user").asString()).isEqualTo("bob");
        assertThat(record("host-1").path("login_user").isNull()).isTrue();
    }

    @Test
    void withoutALoginOrATokenNothingIsWritten() {
        String body = body(List.of(update(record("host-0"), Map.of("login_user", "alice"))));
        UiClient anonymous = new UiClient(port);
        UiClient.Page post = anonymous.postJson(apply, body, anonymous.get("/login").csrfToken());
        assertThat(post.status()).as(post.toString()).isIn(302, 401);
        assertThat(owner.postJson(apply, body, null).status()).as("no CSRF token").isEqualTo(403);
        assertThat(owner.postJson(apply, body, "not-the-token").status()).as("a wrong token").isEqualTo(403);
        assertThat(record("host-0").path("login_user").isNull()).isTrue();
    }

    @Test
    void anotherOrganizationsUserAndAViewerAreRefused() {
        String body = body(List.of(update(record("host-0"), Map.of("login_user", "alice"))));
        String other = unique("other");
        createOrganization(other, "stranger", "stranger-pass");
        createWorkspace(http().as("stranger", "stranger-pass"), other, "ws1");
        UiClient stranger = new UiClient(port);
        stranger.logIn(other, "stranger", "stranger-pass");
        String strangerToken = stranger.get("/ui/ws/" + other + "/ws1/menu/device_list").csrfToken();
        UiClient.Page foreign = stranger.postJson(apply, body, strangerToken);
        assertThat(foreign.status()).as(foreign.toString()).isIn(403, 404);

        UiClient viewer = new UiClient(port);
        viewer.logIn(org, "watcher", "watcher-pass");
        UiClient.Page page = viewer.get(table);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("id=\"edit-start\"").doesNotContain("menu-edit.js");
        UiClient.Page refused = viewer.postJson(apply, body, page.csrfToken());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(answer(refused).path("result").asString()).isEqualTo("403-00001");
        assertThat(record("host-0").path("login_user").isNull()).isTrue();
    }

    @Test
    void aMalformedBodyGetsA400() {
        for (String body : List.of("", "not json", "{}", "[]", "[1]", "[{\"type\": \"Update\"}]",
                "[{\"parameter\": {}}]", "[{\"type\": 1, \"parameter\": {}}]")) {
            UiClient.Page page = owner.postJson(apply, body, token);
            assertThat(page.status()).as("'" + body + "' → " + page).isEqualTo(400);
        }
        assertThat(hosts()).containsExactly("host-0", "host-1", "host-2");
    }

    @Test
    void loadModeRefusesAndOffersNoEditButton() {
        String body = body(List.of(update(record("host-0"), Map.of("login_user", "alice"))));
        setModes("0", "1");
        try {
            UiClient.Page page = owner.get(table);
            assertThat(page.body()).doesNotContain("id=\"edit-start\"").contains("id=\"read-only-notice\"");
            UiClient.Page refused = owner.postJson(apply, body, token);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(498);
        } finally {
            setModes("0", "0");
        }
        assertThat(record("host-0").path("login_user").isNull()).isTrue();
    }

    @Test
    void aSingleRecordEditReturnsToTheTableWithItsSearch() {
        String search = "q%3Ahost_name=host&sort=host_name&dir=desc";
        UiClient.Page page = owner.get(table + "?" + search);
        String uuid = record("host-1").path("uuid").asString();
        String edit = table + "/" + uuid + "/edit?" + search + "&amp;page=1";
        assertThat(page.body().replace("&amp;", "&")).contains(table + "/" + uuid + "/edit?" + search + "&page=1");
        UiClient.Page form = owner.get(edit.replace("&amp;", "&"));
        assertThat(form.status()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("p:host_name", "host-1");
        fields.put("p:connection_type", "ssh");
        fields.put("p:port_no", "70000");
        fields.put("last_update_date_time", record("host-1").path("last_update_date_time").asString());
        fields.put("back", search + "&page=1");
        fields.put("_csrf", form.csrfToken());
        UiClient.Page refused = owner.postMultipart(table + "/" + uuid + "/update", fields, "none", null, null);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"form-errors\"").contains("Port no: An integer from 0 to 65535.")
                .contains("aria-describedby=\"error-port_no\"").doesNotContain("not registered");
        fields.put("p:port_no", "8022");
        UiClient.Page saved = owner.postMultipart(table + "/" + uuid + "/update", fields, "none", null, null);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        assertThat(saved.location()).contains(table + "?q%3Ahost_name=host&sort=host_name&dir=desc&done");
        assertThat(record("host-1").path("port_no").asInt()).isEqualTo(8022);
    }
}
