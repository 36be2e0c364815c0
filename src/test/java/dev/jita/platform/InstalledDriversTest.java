package dev.jita.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Exastro's optionsIta.drivers (NO_INSTALL_DRIVER): an organization created without a driver does not have it. */
class InstalledDriversTest extends ApiTest {

    private static final String ORGS = "/api/platform/organizations";
    private static final List<String> ALL_BACKYARDS = List.of("ita-by-ansible-execute", "ita-by-conductor-synchronize",
            "ita-by-excel-export-import", "ita-by-menu-create", "ita-by-menu-export-import",
            "ita-by-terraform-cli-execute", "ita-by-terraform-cloud-ep-execute");

    @Test
    void aDriverGivenFalseIsNotInstalledAndItsBackyardIsAbsentFromTheCheck() {
        String without = unique("org");
        String with = unique("org");
        create(without, Map.of("terraform_cli", false, "oase", false, "terraform_cloud_ep", true));
        create(with, Map.of());
        createWorkspace(http().as("boss", "boss-pass"), without, "ws1");
        createWorkspace(http().as("boss", "boss-pass"), with, "ws1");

        JsonNode drivers = admin().get(ORGS + "/" + without).data().path("optionsIta").path("drivers");
        assertThat(drivers.toString()).isEqualTo(
                "{\"terraform_cloud_ep\":true,\"terraform_cli\":false,\"ci_cd\":true,\"oase\":false}");
        assertThat(admin().get(ORGS + "/" + with).data().path("optionsIta").path("drivers").toString()).isEqualTo(
                "{\"terraform_cloud_ep\":true,\"terraform_cli\":true,\"ci_cd\":true,\"oase\":true}");

        Http.Reply check = admin().get("/api/ita/backyard-execute-check/");
        assertThat(check.status()).as(check.toString()).isEqualTo(200);
        List<String> expected = new ArrayList<>(ALL_BACKYARDS);
        expected.remove("ita-by-terraform-cli-execute");
        assertThat(new ArrayList<>(backyards(check.data(), without).propertyNames())).containsExactlyElementsOf(expected);
        assertThat(new ArrayList<>(backyards(check.data(), with).propertyNames())).containsExactlyElementsOf(ALL_BACKYARDS);
    }

    @Test
    void unknownDriversAndNonBooleanValuesAreRefusedAndNothingIsCreated() {
        String id = unique("org");
        assertError(admin().post(ORGS, body(id, Map.of("ansible", false))), 400, "400-00001");
        assertError(admin().post(ORGS, body(id, Map.of("oase", "no"))), 400, "400-00001");
        Map<String, Object> notObject = new LinkedHashMap<>(organizationBody(id, "boss", "boss-pass"));
        notObject.put("optionsIta", Map.of("drivers", List.of("oase")));
        assertError(admin().post(ORGS, notObject), 400, "400-00001");
        assertError(admin().get(ORGS + "/" + id), 404, "404-00001");
    }

    private void create(String id, Map<String, Object> drivers) {
        Http.Reply reply = admin().post(ORGS, body(id, drivers));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private static Map<String, Object> body(String id, Map<String, Object> drivers) {
        Map<String, Object> body = new LinkedHashMap<>(organizationBody(id, "boss", "boss-pass"));
        body.put("optionsIta", Map.of("drivers", drivers));
        return body;
    }

    private static JsonNode backyards(JsonNode data, String organizationId) {
        for (JsonNode organization : data.path("organizations").values()) {
            if (organization.path("id").asString().equals(organizationId)) {
                return organization.path("workspaces").get(0).path("backyards");
            }
        }
        throw new AssertionError(organizationId + " not in " + data);
    }
}
