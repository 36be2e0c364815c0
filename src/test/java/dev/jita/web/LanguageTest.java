package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.JitaApplication;
import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import dev.jita.test.UiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The answers' language without a {@code Language} header: the user's own, saved in the web UI; else
 * {@code jita.default-language} (en on these test servers, ja on a real install). A header always wins.
 */
class LanguageTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private String org;
    private String menus;

    @BeforeEach
    void organizationWithAMember() {
        org = unique("lang-org");
        createOrganization(org, "boss", "boss-pass");
        Http boss = http().as("boss", "boss-pass");
        createWorkspace(boss, org, "ws1");
        createUser(boss, org, "alice", "alice-pass", "ws1", "member");
        menus = "/api/" + org + "/workspaces/ws1/ita/menu/";
    }

    private UiClient saveLanguage(String username, String password, String lang) {
        UiClient ui = new UiClient(port);
        ui.logIn(org, username, password);
        UiClient.Page page = ui.get("/ui/workspaces?lang=" + lang);
        assertThat(page.body()).contains("id=\"save-language\"");
        UiClient.Page saved = ui.post("/ui/language",
                Map.of("lang", lang, "page", "/ui/workspaces", "_csrf", page.csrfToken()));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/ui/workspaces");
        return ui;
    }

    private static String menuName(Http.Reply info) {
        assertThat(info.status()).as(info.toString()).isEqualTo(200);
        return info.data().path("menu_info").path("menu_name").asString();
    }

    @Test
    void aUserWhoSavedJapaneseIsAnsweredInJapaneseUnlessTheHeaderSaysOtherwise() {
        Http alice = http().as("alice", "alice-pass");
        assertThat(menuName(alice.get(menus + "device_list/info/"))).isEqualTo("Device list");

        UiClient ui = saveLanguage("alice", "alice-pass", "ja");

        assertThat(menuName(alice.get(menus + "device_list/info/"))).isEqualTo("機器一覧");
        assertThat(alice.get(menus + "no_such_menu/info/").json().path("message").asString())
                .isEqualTo("対象のメニューが存在しません。(menu: no_such_menu)");
        assertThat(menuName(alice.header("Language", "").get(menus + "device_list/info/"))).isEqualTo("機器一覧");
        assertThat(menuName(alice.header("Language", "en").get(menus + "device_list/info/"))).isEqualTo("Device list");
        assertThat(alice.header("Language", "en").get(menus + "no_such_menu/info/").json().path("message").asString())
                .isEqualTo("The target menu does not exist. (menu: no_such_menu)");
        // Another user of the same organization keeps the default.
        assertThat(menuName(http().as("boss", "boss-pass").get(menus + "device_list/info/"))).isEqualTo("Device list");
        // The page shows the saved language as the user's.
        assertThat(ui.get("/ui/workspaces").body()).contains("lang=\"ja\"").contains("自分の言語");

        saveLanguage("alice", "alice-pass", "en");
        assertThat(menuName(alice.get(menus + "device_list/info/"))).isEqualTo("Device list");
    }

    @Test
    void theSavedLanguageIsTheUsersLanguageOnTheWebUiToo() {
        saveLanguage("alice", "alice-pass", "ja");

        UiClient fresh = new UiClient(port);
        fresh.logIn(org, "alice", "alice-pass");

        assertThat(fresh.get("/ui/workspaces").body()).contains("lang=\"ja\"");
        assertThat(new UiClient(port).get("/login").body()).contains("lang=\"en\"");
    }

    @Test
    void aLanguageIsNotSavedInLoadModeAndTheFormSendsOnlyToThisSite() {
        UiClient ui = new UiClient(port);
        ui.logIn(org, "alice", "alice-pass");
        String token = ui.get("/ui/workspaces").csrfToken();

        UiClient.Page elsewhere = ui.post("/ui/language", Map.of("lang", "ja", "page", "//evil.example/", "_csrf", token));
        assertThat(elsewhere.location()).doesNotContain("evil").endsWith("/");

        setModes("0", "1");
        try {
            UiClient.Page refused = ui.post("/ui/language", Map.of("lang", "en", "page", "/ui/workspaces", "_csrf", token));
            assertThat(refused.location()).endsWith("/ui/workspaces?language_refused");
        } finally {
            setModes("0", "0");
        }
        assertThat(jdbc.sql("SELECT preferred_language FROM org_user WHERE organization_id = ? AND username = 'alice'")
                .param(org).query(String.class).single()).isEqualTo("ja");

        UiClient.Page unknown = ui.post("/ui/language", Map.of("lang", "fr", "page", "/ui/workspaces", "_csrf", token));
        assertThat(unknown.location()).endsWith("/ui/workspaces");
        assertThat(jdbc.sql("SELECT preferred_language FROM org_user WHERE organization_id = ? AND username = 'alice'")
                .param(org).query(String.class).single()).isEqualTo("ja");
    }

    /** A real install, where jita.default-language is not set: Japanese, as Exastro's default. */
    @Test
    void withoutTheSettingTheDefaultIsJapanese() {
        List<String> args = new ArrayList<>();
        TestDatabase.fresh().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of("--server.port=0", "--jita.security.bcrypt-strength=4", "--jita.admin.username=root-admin",
                "--jita.admin.password=root-pass", "--jita.backyard.enabled=false"));
        try (ConfigurableApplicationContext node = SpringApplication.run(JitaApplication.class, args.toArray(String[]::new))) {
            int nodePort = ((WebServerApplicationContext) node).getWebServer().getPort();
            Http admin = new Http(nodePort).as("root-admin", "root-pass");

            assertThat(admin.patch(MODES, "{\"nope\": \"1\"}").json().path("message").asString()).contains("不明なキー nope");
            assertThat(admin.header("Language", "en").patch(MODES, "{\"nope\": \"1\"}").json().path("message").asString())
                    .contains("Unknown key nope");
            assertThat(new UiClient(nodePort).get("/login").body()).contains("lang=\"ja\"");
        }
    }
}
