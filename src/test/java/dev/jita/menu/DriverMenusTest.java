package dev.jita.menu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.UiClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Menus of a driver an organization was created without (Exastro's NO_INSTALL_DRIVER) answer as unknown
 * menus, on the API and in the web UI, and are not listed; the Terraform CLI driver's workspace list is one.
 */
class DriverMenusTest extends ApiTest {

    static final String MENU = "workspace_list_terraform_cli";

    @Test
    void aMenuOfADriverNotInstalledIsUnknownToTheOrganizationOnly() {
        String without = organization(false);
        String with = organization(true);
        Http boss = http().as("boss", "boss-pass");

        for (String path : List.of("/info/", "/filter/", "/filter/count/")) {
            Http.Reply absent = boss.get(menu(without) + path);
            Http.Reply unknown = boss.get("/api/" + without + "/workspaces/ws1/ita/menu/no_such_menu" + path);
            assertError(absent, 499, "499-00002");
            assertThat(absent.json().path("message").asString())
                    .isEqualTo(unknown.json().path("message").asString().replace("no_such_menu", MENU));
            assertThat(boss.get(menu(with) + path).status()).isEqualTo(200);
        }
        assertError(boss.post(menu(without) + "/maintenance/", Map.of("parameter", Map.of("tf_workspace_name", "a"))),
                499, "499-00002");
        Http.Reply registered = boss.post(menu(with) + "/maintenance/", Map.of("parameter", Map.of("tf_workspace_name", "a")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
    }

    @Test
    void itsPageIsNotShownNorListed() {
        String without = organization(false);
        String with = organization(true);

        UiClient withoutUi = new UiClient(port);
        withoutUi.logIn(without, "boss", "boss-pass");
        UiClient.Page operations = withoutUi.get("/ui/ws/" + without + "/ws1/menu/operation_list");
        assertThat(operations.status()).as(operations.toString()).isEqualTo(200);
        assertThat(operations.body()).doesNotContain(MENU);
        assertThat(withoutUi.get("/ui/ws/" + without + "/ws1/menu/" + MENU).status()).isEqualTo(404);

        UiClient withUi = new UiClient(port);
        withUi.logIn(with, "boss", "boss-pass");
        assertThat(withUi.get("/ui/ws/" + with + "/ws1/menu/operation_list").body()).contains(MENU);
        assertThat(withUi.get("/ui/ws/" + with + "/ws1/menu/" + MENU).status()).isEqualTo(200);
    }

    private String organization(boolean terraformCli) {
        String id = unique("org");
        Map<String, Object> body = new LinkedHashMap<>(organizationBody(id, "boss", "boss-pass"));
        body.put("optionsIta", Map.of("drivers", Map.of("terraform_cli", terraformCli)));
        Http.Reply reply = admin().post("/api/platform/organizations", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        createWorkspace(http().as("boss", "boss-pass"), id, "ws1");
        return id;
    }

    private static String menu(String organizationId) {
        return "/api/" + organizationId + "/workspaces/ws1/ita/menu/" + MENU;
    }
}
