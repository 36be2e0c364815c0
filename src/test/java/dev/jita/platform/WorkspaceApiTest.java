package dev.jita.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WorkspaceApiTest extends ApiTest {

    private String org;
    private Http manager;
    private String workspaces;
    private String users;

    @BeforeEach
    void organization() {
        org = unique("ws-org");
        createOrganization(org, "owner", "owner-pass");
        manager = http().as("owner", "owner-pass");
        workspaces = "/api/" + org + "/platform/workspaces";
        users = "/api/" + org + "/platform/users";
    }

    @Test
    void managerCreatesListsUpdatesAndDeletesWorkspaces() {
        Http.Reply created = manager.post(workspaces,
                Map.of("id", "ws1", "name", "Workspace 1", "informations", Map.of("description", "first")));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.data().path("id").asString()).isEqualTo("ws1");
        assertThat(created.data().path("role").asString()).isEqualTo("member");
        assertThat(created.data().path("informations").path("description").asString()).isEqualTo("first");

        createWorkspace(manager, org, "ws2");
        assertThat(manager.get(workspaces).data().findValuesAsString("id")).containsExactly("ws1", "ws2");

        Http.Reply updated = manager.put(workspaces + "/ws1",
                Map.of("name", "Renamed", "informations", Map.of("description", "changed")));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode ws1 = manager.get(workspaces + "/ws1").data();
        assertThat(ws1.path("name").asString()).isEqualTo("Renamed");
        assertThat(ws1.path("informations").path("description").asString()).isEqualTo("changed");
        assertThat(ws1.path("last_update_user").asString()).isEqualTo("owner");

        assertThat(manager.delete(workspaces + "/ws1").status()).isEqualTo(200);
        assertThat(manager.get(workspaces).data().findValuesAsString("id")).containsExactly("ws2");
        assertError(manager.get(workspaces + "/ws1"), 404, "404-00001");
        assertError(manager.delete(workspaces + "/ws1"), 404, "404-00001");
    }

    @Test
    void theCreatorBecomesAMember() {
        createWorkspace(manager, org, "mine");
        JsonNode owner = manager.get(users + "/owner").data();
        assertThat(owner.path("workspaces").toString()).isEqualTo("[{\"id\":\"mine\",\"role\":\"member\"}]");
    }

    @Test
    void usersSeeOnlyTheWorkspacesTheyHaveARoleIn() {
        createWorkspace(manager, org, "open");
        createWorkspace(manager, org, "secret");
        createUser(manager, org, "val", "val-pass", "open", "viewer");
        Http viewer = http().as("val", "val-pass");

        JsonNode visible = viewer.get(workspaces).data();
        assertThat(visible.findValuesAsString("id")).containsExactly("open");
        assertThat(visible.get(0).path("role").asString()).isEqualTo("viewer");
        assertError(viewer.get(workspaces + "/secret"), 403, "403-00001");
        assertThat(manager.get(workspaces).data().size()).isEqualTo(2);
    }

    @Test
    void managerManagesUsersAndTheirRoles() {
        createWorkspace(manager, org, "a");
        createWorkspace(manager, org, "b");
        Http.Reply created = manager.post(users, Map.of("username", "dev1", "password", "dev-pass",
                "email", "dev1@example.com", "workspaces", List.of(Map.of("id", "a", "role", "member"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.data().path("organization_manager").asBoolean()).isFalse();

        // Used once, so that the node remembers these credentials: the change must still win.
        assertThat(http().as("dev1", "dev-pass").get(workspaces).status()).isEqualTo(200);
        Http.Reply changed = manager.put(users + "/dev1", Map.of("workspaces",
                List.of(Map.of("id", "a", "role", "viewer"), Map.of("id", "b", "role", "member")),
                "password", "new-pass"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.data().path("workspaces").toString())
                .isEqualTo("[{\"id\":\"a\",\"role\":\"viewer\"},{\"id\":\"b\",\"role\":\"member\"}]");
        assertThat(changed.data().path("email").asString()).isEqualTo("dev1@example.com");
        assertError(http().as("dev1", "dev-pass").get(workspaces), 401, "401-00002");
        assertThat(http().as("dev1", "new-pass").get(workspaces).data().size()).isEqualTo(2);

        assertThat(manager.put(users + "/dev1", Map.of("organization_manager", true)).status()).isEqualTo(200);
        assertThat(http().as("dev1", "new-pass").get(users).status()).isEqualTo(200);
        assertThat(manager.put(users + "/dev1", Map.of("enabled", false)).status()).isEqualTo(200);
        assertError(http().as("dev1", "new-pass").get(workspaces), 401, "401-00002");
        assertThat(manager.put(users + "/dev1", Map.of("enabled", true)).status()).isEqualTo(200);
        assertThat(http().as("dev1", "new-pass").get(users).status()).isEqualTo(200);

        assertThat(manager.delete(users + "/dev1").status()).isEqualTo(200);
        assertError(http().as("dev1", "new-pass").get(workspaces), 401, "401-00002");
        assertError(manager.get(users + "/dev1"), 404, "404-00001");
    }

    @Test
    void deletingAWorkspaceRemovesItsRoles() {
        createWorkspace(manager, org, "temp");
        createUser(manager, org, "tess", "tess-pass", "temp", "member");

        manager.delete(workspaces + "/temp");

        assertThat(manager.get(users + "/tess").data().path("workspaces").size()).isZero();
    }

    @Test
    void badWorkspaceBodiesAreRefusedAndNothingChanges() {
        createWorkspace(manager, org, "keep");
        assertError(manager.post(workspaces, ""), 400, "400-00002");
        assertError(manager.post(workspaces, "[1]"), 400, "400-00002");
        assertError(manager.post(workspaces, "{\"id\":"), 400, "400-00002");
        assertError(manager.post(workspaces, Map.of("name", "no id")), 400, "400-00001");
        assertError(manager.post(workspaces, Map.of("id", "bad id!", "name", "x")), 400, "400-00001");
        assertError(manager.post(workspaces, Map.of("id", "x".repeat(37), "name", "x")), 400, "400-00001");
        assertError(manager.post(workspaces, Map.of("id", "noname")), 400, "400-00001");
        assertError(manager.post(workspaces, Map.of("id", "keep", "name", "again")), 400, "400-00001");
        assertError(manager.post(workspaces, Map.of("id", "x", "name", "x", "informations", "text")), 400, "400-00001");
        assertError(manager.put(workspaces + "/keep", Map.of("name", "")), 400, "400-00001");
        assertError(manager.put(workspaces + "/keep", "not json"), 400, "400-00002");

        assertThat(manager.get(workspaces).data().findValuesAsString("id")).containsExactly("keep");
        assertThat(manager.get(workspaces + "/keep").data().path("name").asString()).isEqualTo("keep name");
    }

    @Test
    void badUserBodiesAreRefusedAndNothingChanges() {
        createWorkspace(manager, org, "w");
        assertError(manager.post(users, ""), 400, "400-00002");
        assertError(manager.post(users, Map.of("username", "nopass")), 400, "400-00001");
        assertError(manager.post(users, Map.of("username", "x y", "password", "u-pass-1")), 400, "400-00001");
        assertError(manager.post(users, Map.of("username", "u", "password", "u-pass-1",
                "workspaces", List.of(Map.of("id", "w", "role", "admin")))), 400, "400-00001");
        assertError(manager.post(users, Map.of("username", "u", "password", "u-pass-1",
                "workspaces", List.of(Map.of("id", "missing", "role", "member")))), 400, "400-00001");
        assertError(manager.post(users, Map.of("username", "owner", "password", "u-pass-1")), 400, "400-00001");
        assertError(manager.put(users + "/owner", Map.of("organization_manager", false)), 400, "400-00001");
        assertError(manager.delete(users + "/owner"), 400, "400-00001");

        assertThat(manager.get(users).data().findValuesAsString("username")).containsExactly("owner");
        assertThat(manager.get(users + "/owner").data().path("organization_manager").asBoolean()).isTrue();
    }
}
