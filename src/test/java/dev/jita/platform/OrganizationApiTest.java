package dev.jita.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class OrganizationApiTest extends ApiTest {

    private static final String ORGS = "/api/platform/organizations";

    @Test
    void createListGetUpdateDelete() {
        String id = unique("org");
        Http.Reply created = admin().post(ORGS, organizationBody(id, "manager1", "m-pass-1"));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.result()).isEqualTo("000-00000");
        assertThat(created.data().path("id").asString()).isEqualTo(id);
        assertThat(created.data().path("name").asString()).isEqualTo(id + "-name");
        assertThat(created.data().path("active_plan").toString()).isEqualTo("{\"id\":null}");
        assertThat(created.data().path("plans").toString()).isEqualTo("[]");
        assertThat(created.data().path("create_user").asString()).isEqualTo(ADMIN);

        assertThat(admin().get(ORGS).data().findValuesAsString("id")).contains(id);
        assertThat(admin().get(ORGS + "/" + id).data().path("name").asString()).isEqualTo(id + "-name");

        Http.Reply updated = admin().put(ORGS + "/" + id, Map.of("name", "renamed"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(admin().get(ORGS + "/" + id).data().path("name").asString()).isEqualTo("renamed");

        assertThat(admin().delete(ORGS + "/" + id).status()).isEqualTo(200);
        assertError(admin().get(ORGS + "/" + id), 404, "404-00001");
        assertError(admin().delete(ORGS + "/" + id), 404, "404-00001");
        assertError(admin().put(ORGS + "/" + id, Map.of("name", "x")), 404, "404-00001");
    }

    @Test
    void managersFromTheBodyBecomeOrganizationManagers() {
        String id = unique("org");
        Map<String, Object> body = new HashMap<>(organizationBody(id, "first", "first-pass"));
        body.put("organization_managers", List.of(
                manager("first", "first-pass"), manager("second", "second-pass")));
        assertThat(admin().post(ORGS, body).status()).isEqualTo(200);

        Http first = http().as("first", "first-pass");
        JsonNode users = first.get("/api/" + id + "/platform/users").data();
        assertThat(users.size()).isEqualTo(2);
        assertThat(users.get(0).path("organization_manager").asBoolean()).isTrue();
        assertThat(users.get(0).path("email").asString()).isEqualTo("first@example.com");
        createWorkspace(http().as("second", "second-pass"), id, "ws1");
    }

    @Test
    void deletingAnOrganizationRemovesItsUsersAndWorkspaces() {
        String id = unique("org");
        createOrganization(id, "gone", "gone-pass");
        createWorkspace(http().as("gone", "gone-pass"), id, "ws1");

        assertThat(admin().delete(ORGS + "/" + id).status()).isEqualTo(200);

        assertError(http().as("gone", "gone-pass").get("/api/" + id + "/platform/workspaces"), 404, "404-00001");
        createOrganization(id, "fresh", "fresh-pass");
        assertThat(http().as("fresh", "fresh-pass").get("/api/" + id + "/platform/workspaces").data().size()).isZero();
        assertError(http().as("gone", "gone-pass").get("/api/" + id + "/platform/workspaces"), 401, "401-00002");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Upper", "1starts-with-digit", "has space", "has.dot", "platform", "ita", "master",
            "a23456789012345678901234567890123456x"})
    void invalidOrReservedIdsAreRefused(String id) {
        int before = admin().get(ORGS).data().size();

        assertError(admin().post(ORGS, organizationBody(id, "m", "p")), 400, "400-00001");

        assertThat(admin().get(ORGS).data().size()).isEqualTo(before);
    }

    @Test
    void duplicateIdIsRefusedAndTheFirstStaysUnchanged() {
        String id = unique("org");
        createOrganization(id, "owner", "owner-pass");

        assertError(admin().post(ORGS, organizationBody(id, "other", "other-pass")), 400, "400-00001");

        assertThat(admin().get(ORGS + "/" + id).data().path("name").asString()).isEqualTo(id + "-name");
        assertError(http().as("other", "other-pass").get("/api/" + id + "/platform/workspaces"), 401, "401-00002");
    }

    @Test
    void malformedBodiesAreRefusedAndNothingIsCreated() {
        String id = unique("org");
        Map<String, Object> noManagers = new HashMap<>(organizationBody(id, "m", "p"));
        noManagers.remove("organization_managers");
        Map<String, Object> noName = new HashMap<>(organizationBody(id, "m", "m-pass-1"));
        noName.remove("name");
        Map<String, Object> noPassword = new HashMap<>(organizationBody(id, "m", "p"));
        noPassword.put("organization_managers", List.of(Map.of("username", "m")));
        Map<String, Object> twice = new HashMap<>(organizationBody(id, "m", "p"));
        twice.put("organization_managers", List.of(manager("m", "m-pass-1"), manager("m", "m-pass-2")));
        Map<String, Object> longPassword = new HashMap<>(organizationBody(id, "m", "p".repeat(73)));

        assertError(admin().post(ORGS, ""), 400, "400-00002");
        assertError(admin().post(ORGS, "{not json"), 400, "400-00002");
        assertError(admin().post(ORGS, "[]"), 400, "400-00002");
        assertError(admin().post(ORGS, "{\"id\": \"" + "x".repeat(200_000) + "\"}"), 400, "400-00002");
        for (Map<String, Object> body : List.of(noManagers, noName, noPassword, twice, longPassword)) {
            assertError(admin().post(ORGS, body), 400, "400-00001");
        }
        assertError(admin().get(ORGS + "/" + id), 404, "404-00001");
        assertError(admin().put(ORGS + "/" + id, "nope"), 404, "404-00001");
    }

    @Test
    void updateValidatesItsBody() {
        String id = unique("org");
        createOrganization(id, "m", "m-pass-1");

        assertError(admin().put(ORGS + "/" + id, ""), 400, "400-00002");
        assertError(admin().put(ORGS + "/" + id, Map.of("name", "")), 400, "400-00001");
        assertError(admin().put(ORGS + "/" + id, Map.of("name", 5)), 400, "400-00001");
        assertError(admin().put(ORGS + "/" + id, Map.of("name", "n".repeat(256))), 400, "400-00001");

        assertThat(admin().get(ORGS + "/" + id).data().path("name").asString()).isEqualTo(id + "-name");
    }

    @Test
    void japaneseMessagesWhenAsked() {
        Http.Reply reply = admin().header("Language", "ja").get(ORGS + "/no-such");
        assertThat(reply.json().path("message").asString()).contains("存在しません");
    }

    private static Map<String, Object> manager(String username, String password) {
        return Map.of("username", username, "email", username + "@example.com",
                "credentials", List.of(Map.of("type", "password", "value", password)));
    }
}
