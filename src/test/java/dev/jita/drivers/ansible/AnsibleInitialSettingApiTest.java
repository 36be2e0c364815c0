package dev.jita.drivers.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exastro's initial settings of Ansible: kept per organization as given, checked with ITA's codes. */
class AnsibleInitialSettingApiTest extends ApiTest {

    private static final String ALL = "/api/ita/initial-settings/ansible/";
    private static final String SETTING = "{\"input_limit_setting\":true,\"execution_engine_list\":[\"Ansible-Core\"],"
            + "\"initial_data\":{\"ansible_automation_controller_host_list\":[{\"file\":{\"ssh_private_key_file\":\"a2V5\"},"
            + "\"parameter\":{\"host\":\"aac1\",\"user\":\"u\"}}],"
            + "\"interface_info_ansible\":{\"parameter\":{\"execution_engine\":\"Ansible-Core\"}}}}";

    private static String path(String organizationId) {
        return "/api/ita/" + organizationId + "/initial-settings/ansible/";
    }

    @Test
    void settingsAreStoredPerOrganizationAndServedAsGiven() {
        String org = unique("org");
        String other = unique("org");
        createOrganization(org, "boss", "boss-pass");
        createOrganization(other, "boss", "boss-pass");

        Http.Reply before = admin().get(path(org));
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.data().isNull()).isTrue();

        Http.Reply stored = admin().post(path(org), SETTING);
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        assertThat(stored.data().isNull()).isTrue();
        assertThat(admin().get(path(org)).data().toString()).isEqualTo(SETTING);

        Http.Reply all = admin().get(ALL);
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.data().path(org).toString()).isEqualTo(SETTING);
        assertThat(all.data().has(other)).isTrue();
        assertThat(all.data().path(other).isNull()).isTrue();

        String replaced = "{\"input_limit_setting\":false}";
        assertThat(admin().post(path(org), replaced).status()).isEqualTo(200);
        assertThat(admin().get(path(org)).data().toString()).isEqualTo(replaced);

        assertThat(admin().delete("/api/platform/organizations/" + org).status()).isEqualTo(200);
        assertThat(admin().get(ALL).data().has(org)).isFalse();
        assertError(admin().get(path(org)), 490, "490-02001");
    }

    @Test
    void badSettingsAreRefusedWithItasCodesAndNothingIsStored() {
        String org = unique("org");
        createOrganization(org, "boss", "boss-pass");

        assertError(admin().post(path("no-such-org"), SETTING), 490, "490-02001");
        assertError(admin().get(path("no-such-org")), 490, "490-02001");
        assertError(admin().post(path(org), Map.of("input_limit_setting", "yes")), 490, "490-02002");
        assertError(admin().post(path(org), Map.of("execution_engine_list", List.of())), 490, "490-02003");
        assertError(admin().post(path(org), Map.of("execution_engine_list", List.of("Ansible-Tower"))), 490, "490-02003");
        assertError(admin().post(path(org), Map.of("initial_data", Map.of("ansible_automation_controller_host_list",
                List.of(Map.of("parameter", Map.of("user", "u")))))), 490, "490-02004");
        assertError(admin().post(path(org), Map.of("initial_data", Map.of("ansible_automation_controller_host_list",
                List.of(Map.of("file", Map.of()))))), 490, "490-02004");
        assertError(admin().post(path(org), "[]"), 400, "400-00002");
        assertError(admin().post(path(org), "{\"input_limit_setting\": tru"), 400, "400-00002");
        assertThat(admin().get(path(org)).data().isNull()).isTrue();
    }

    @Test
    void onlySystemAdministratorsAndLoadModeRefusesTheWrite() {
        String org = unique("org");
        createOrganization(org, "boss", "boss-pass");
        Http boss = http().as("boss", "boss-pass");

        assertError(http().get(ALL), 401, "401-00002");
        assertError(http().post(path(org), SETTING), 401, "401-00002");
        assertError(boss.get(ALL), 403, "403-00001");
        assertError(boss.get(path(org)), 403, "403-00001");
        assertError(boss.post(path(org), SETTING), 403, "403-00001");

        setModes("0", "1");
        assertError(admin().post(path(org), SETTING), 498, "498-00001");
        assertThat(admin().get(path(org)).status()).isEqualTo(200);
        setModes("0", "0");
        assertThat(admin().get(path(org)).data().isNull()).isTrue();
    }
}
