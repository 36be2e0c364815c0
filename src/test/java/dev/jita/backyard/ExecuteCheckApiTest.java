package dev.jita.backyard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ExecuteCheckApiTest extends EngineTestOnOwnDatabase {

    private static final String CHECK = "/api/ita/backyard-execute-check/";
    private static final List<String> SEVEN = List.of("ita-by-ansible-execute", "ita-by-conductor-synchronize",
            "ita-by-excel-export-import", "ita-by-menu-create", "ita-by-menu-export-import",
            "ita-by-terraform-cli-execute", "ita-by-terraform-cloud-ep-execute");

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode node : list.values()) {
            if (node.path("id").asString().equals(id)) {
                return node;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }

    @Test
    void listsEveryOrganizationWorkspaceAndRunningItem() throws Exception {
        String org = organization("ws1", "ws2");
        String empty = organization();
        String ansible = register(Backyard.ANSIBLE_EXECUTE, org, "ws1", 1).get(0);
        String menu = register(Backyard.MENU_CREATE, org, "ws1", 1).get(0);
        String conductor = register(Backyard.CONDUCTOR_SYNCHRONIZE, org, "ws1", 1).get(0);
        String cloud = register(Backyard.TERRAFORM_CLOUD_EP_EXECUTE, org, "ws2", 1).get(0);
        String finished = register(Backyard.EXCEL_EXPORT_IMPORT, org, "ws2", 1).get(0);
        List<TestHandler> handlers = List.of(
                new TestHandler(Backyard.ANSIBLE_EXECUTE, 5).reporting(3).hold(),
                new TestHandler(Backyard.MENU_CREATE, 3).hold(),
                new TestHandler(Backyard.CONDUCTOR_SYNCHRONIZE, 6).reporting(5).hold(),
                new TestHandler(Backyard.TERRAFORM_CLOUD_EP_EXECUTE, 5).reporting(4).hold(),
                new TestHandler(Backyard.EXCEL_EXPORT_IMPORT, 3));
        engine(2, handlers.toArray(JobHandler[]::new)).start();
        await("running", java.time.Duration.ofSeconds(30), () -> item(ansible).statusId() == 3
                && item(conductor).statusId() == 5 && item(cloud).statusId() == 4 && item(menu).phase().equals("R")
                && item(finished).phase().equals("E"));
        String waiting = register(Backyard.TERRAFORM_CLI_EXECUTE, org, "ws2", 1).get(0);

        Http.Reply reply = admin().get(CHECK);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.result()).isEqualTo("000-00000");
        JsonNode data = reply.data();
        int sum = 0;
        for (JsonNode organization : data.path("organizations").values()) {
            sum += organization.path("execute_count").asInt();
        }
        assertThat(data.path("execute_count").asInt()).isEqualTo(sum);

        assertThat(find(data.path("organizations"), empty).path("workspaces").size()).isZero();
        assertThat(find(data.path("organizations"), empty).path("execute_count").asInt()).isZero();

        JsonNode organization = find(data.path("organizations"), org);
        assertThat(organization.path("execute_count").asInt()).isEqualTo(3);
        JsonNode ws1 = find(organization.path("workspaces"), "ws1");
        JsonNode ws2 = find(organization.path("workspaces"), "ws2");
        assertThat(ws1.path("execute_count").asInt()).as("conductor is listed, not counted").isEqualTo(2);
        assertThat(ws2.path("execute_count").asInt()).isEqualTo(1);
        for (JsonNode ws : List.of(ws1, ws2)) {
            assertThat(new ArrayList<>(ws.path("backyards").propertyNames())).containsExactlyElementsOf(SEVEN);
            SEVEN.forEach(name -> assertThat(ws.path("backyards").path(name).isArray()).isTrue());
        }

        JsonNode entry = ws1.path("backyards").path("ita-by-ansible-execute").get(0);
        assertThat(new ArrayList<>(entry.propertyNames()))
                .containsExactly("id", "last_update_timestamp", "status_id", "status_name");
        assertThat(entry.path("id").asString()).isEqualTo(ansible);
        assertThat(entry.path("status_id").isString()).isTrue();
        assertThat(entry.path("status_id").asString()).isEqualTo("3");
        assertThat(entry.path("status_name").asString()).isEqualTo("Executing");
        assertThat(entry.path("last_update_timestamp").asString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(ws1.path("backyards").path("ita-by-menu-create").get(0).path("status_name").asString())
                .isEqualTo("Executing");
        assertThat(ws1.path("backyards").path("ita-by-conductor-synchronize").get(0).path("status_name").asString())
                .isEqualTo("Pause");
        assertThat(ws2.path("backyards").path("ita-by-terraform-cloud-ep-execute").get(0).path("status_name").asString())
                .isEqualTo("Executing (delay)");
        assertThat(ws2.path("backyards").path("ita-by-excel-export-import").size()).as("ended: not listed").isZero();
        assertThat(ws2.path("backyards").path("ita-by-terraform-cli-execute").size()).as("waiting: not listed").isZero();
        assertThat(item(waiting).phase()).isEqualTo("W");

        JsonNode japanese = find(find(admin().header("Language", "ja").get(CHECK).data().path("organizations"), org)
                .path("workspaces"), "ws1").path("backyards");
        assertThat(japanese.path("ita-by-ansible-execute").get(0).path("status_name").asString()).isEqualTo("実行中");
        assertThat(japanese.path("ita-by-conductor-synchronize").get(0).path("status_name").asString()).isEqualTo("一時停止");

        handlers.forEach(TestHandler::release);
        await("drained", java.time.Duration.ofSeconds(30), () -> find(find(admin().get(CHECK).data()
                .path("organizations"), org).path("workspaces"), "ws1").path("execute_count").asInt() == 0);
    }

    @Test
    void systemAdministratorsOnly() {
        String org = organization("ws1");

        assertError(http().get(CHECK), 401, "401-00002");
        assertError(http().as(ADMIN, "wrong").get(CHECK), 401, "401-00002");
        assertError(http().as("owner", "owner-pass").get(CHECK), 403, "403-00001");
        assertError(http().as("owner", "owner-pass").get("/api/" + org + "/ita/backyard-execute-check/"), 404,
                "404-00001");
        assertThat(admin().get("/api/ita/backyard-execute-check").status()).isEqualTo(200);
        assertError(admin().post(CHECK, "{}"), 405, "405-00001");
    }

    @Test
    void statusMastersInTheDatabaseMatchTheSpecification() {
        for (StatusTable table : StatusTable.values()) {
            List<Map<String, Object>> rows = jdbc.sql("SELECT status_id, status_name_en, status_name_ja FROM backyard_status "
                    + "WHERE status_table = ? ORDER BY status_id").param(table.tableName()).query().listOfRows();
            assertThat(rows).hasSize(table.names().size());
            for (Map<String, Object> row : rows) {
                int id = ((Number) row.values().toArray()[0]).intValue();
                assertThat(row.values().toArray()[1]).isEqualTo(table.name(id, false));
                assertThat(row.values().toArray()[2]).isEqualTo(table.name(id, true));
            }
        }
        assertThat(StatusTable.EXECUTION.name(4, false)).isEqualTo("Executing (delay)");
        assertThat(StatusTable.EXECUTION.name(10, true)).isEqualTo("予約取消");
        assertThat(StatusTable.CONDUCTOR.name(11, false)).isEqualTo("Unexpected error");
        assertThat(StatusTable.MENU_CREATE.name(4, false)).isEqualTo("Completed(error)");
        assertThat(StatusTable.EXPORT_IMPORT.name(4, false)).isEqualTo("Completed (error)");
    }
}
