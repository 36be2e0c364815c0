package dev.jita.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Plans, plan items, organization plans, limits and usages: Exastro's shapes, codes and the limits enforced. */
class PlanApiTest extends ApiTest {

    private static final String PLANS = "/api/platform/plans";
    private static final String ITEMS = "/api/platform/plan_items";
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> ITEM_IDS = List.of("ita.organization.ansible.execution_limit",
            "ita.organization.common.maintenance_records_limit", "ita.organization.common.upload_file_size_limit",
            "ita.organization.menu_export_import.buffer_size", "platform.roles", "platform.users",
            "platform.workspaces");

    @Test
    void planItemsAreExastrosWithTheirMaximaAndDefaults() {
        Http.Reply reply = admin().get(ITEMS);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.result()).isEqualTo("000-00000");
        assertThat(reply.data().findValuesAsString("id")).containsExactlyElementsOf(ITEM_IDS);
        JsonNode workspaces = byId(reply.data(), "platform.workspaces");
        assertThat(new ArrayList<>(workspaces.propertyNames())).containsExactly("id", "informations");
        assertThat(workspaces.path("informations").path("max").asLong()).isEqualTo(1000);
        assertThat(workspaces.path("informations").path("default").asLong()).isEqualTo(100);
        assertThat(workspaces.path("informations").path("description").asString()).isNotBlank();
        assertThat(byId(reply.data(), "ita.organization.ansible.execution_limit").path("informations")
                .path("default").asLong()).isEqualTo(25);
    }

    @Test
    void aPlanIsAddedAndListedWithItsLimits() {
        String id = unique("plan");
        Map<String, Object> body = plan(id, 7);

        Http.Reply created = admin().post(PLANS, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.data().isNull()).isTrue();

        JsonNode plan = byId(admin().get(PLANS).data(), id);
        assertThat(new ArrayList<>(plan.propertyNames())).containsExactly("id", "name", "informations",
                "create_timestamp", "create_user", "last_update_timestamp", "last_update_user", "limits");
        assertThat(plan.path("name").asString()).isEqualTo(id + " name");
        assertThat(plan.path("informations").path("description").asString()).isEqualTo("for tests");
        assertThat(plan.path("create_user").asString()).isEqualTo(ADMIN);
        assertThat(plan.path("limits").path("platform.workspaces").asLong()).isEqualTo(7);
        assertThat(new ArrayList<>(plan.path("limits").propertyNames())).containsExactlyInAnyOrderElementsOf(ITEM_IDS);
        assertThat(byId(admin().get(PLANS).data(), "_default").path("limits").path("platform.workspaces").asLong())
                .isEqualTo(100);

        assertError(admin().post(PLANS, body), 400, "400-27004");

        // An organization created with the plan has it in force from its creation on.
        String org = unique("org");
        assertThat(admin().post("/api/platform/organizations", organizationBodyWithPlan(org, id)).status())
                .isEqualTo(200);
        JsonNode organization = admin().get("/api/platform/organizations/" + org).data();
        assertThat(organization.path("active_plan").path("id").asString()).isEqualTo(id);
        assertThat(organization.path("plans").get(0).path("id").asString()).isEqualTo(id);
        assertThat(http().as("boss", "boss-pass").get("/api/" + org + "/platform/limits").data()
                .path("platform.workspaces").asLong()).isEqualTo(7);
    }

    @Test
    void badPlansAreRefusedWithExastrosCodes() {
        Map<String, Object> unknownItem = plan(unique("plan"), 1);
        limits(unknownItem).put("platform.gadgets", 1);
        Map<String, Object> aboveMax = plan(unique("plan"), 1001);
        Map<String, Object> missingItem = plan(unique("plan"), 1);
        limits(missingItem).remove("platform.users");
        Map<String, Object> notANumber = plan(unique("plan"), 1);
        limits(notANumber).put("platform.users", "many");
        Map<String, Object> noId = plan(unique("plan"), 1);
        noId.remove("id");
        Map<String, Object> badId = plan("9-starts-with-a-digit", 1);
        Map<String, Object> longName = plan(unique("plan"), 1);
        longName.put("name", "n".repeat(256));

        assertError(admin().post(PLANS, unknownItem), 400, "400-27001");
        assertError(admin().post(PLANS, aboveMax), 400, "400-27002");
        assertError(admin().post(PLANS, missingItem), 400, "400-27003");
        assertError(admin().post(PLANS, notANumber), 400, "400-00034");
        assertError(admin().post(PLANS, noId), 400, "400-00011");
        assertError(admin().post(PLANS, badId), 400, "400-00014");
        assertError(admin().post(PLANS, longName), 400, "400-00012");
        assertError(admin().post(PLANS, "[1, 2]"), 400, "400-00002");
        assertError(admin().post(PLANS, "{\"id\": "), 400, "400-00002");
        assertThat(admin().get(PLANS).data().findValuesAsString("id")).doesNotContain(badId.get("id").toString());
    }

    @Test
    void theLatestStartedPlanIsInForceAndItsLimitsApply() {
        String org = unique("org");
        Map<String, Object> withoutPlan = new LinkedHashMap<>(organizationBody(org, "boss", "boss-pass"));
        withoutPlan.remove("plan");
        assertThat(admin().post("/api/platform/organizations", withoutPlan).status()).isEqualTo(200);
        assertThat(admin().get("/api/platform/organizations/" + org).data().path("active_plan").toString())
                .isEqualTo("{\"id\":null}");
        String small = unique("plan");
        String large = unique("plan");
        assertThat(admin().post(PLANS, plan(small, 1)).status()).isEqualTo(200);
        assertThat(admin().post(PLANS, plan(large, 3)).status()).isEqualTo(200);
        String orgPlans = "/api/platform/" + org + "/plans";
        String past = start(LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
        String future = start(LocalDateTime.now(ZoneOffset.UTC).plusDays(30));

        assertThat(admin().post(orgPlans, Map.of("id", small, "start_datetime", past)).status()).isEqualTo(200);
        assertThat(admin().post(orgPlans, Map.of("id", large, "start_datetime", future)).status()).isEqualTo(200);

        Http.Reply list = admin().get(orgPlans);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.data().findValuesAsString("id")).containsExactly(small, large);
        JsonNode first = list.data().get(0);
        assertThat(new ArrayList<>(first.propertyNames())).containsExactly("id", "start_datetime", "create_timestamp",
                "create_user", "last_update_timestamp", "last_update_user");
        assertThat(first.path("start_datetime").asString()).isEqualTo(past);
        JsonNode organization = admin().get("/api/platform/organizations/" + org).data();
        assertThat(organization.path("active_plan").path("id").asString()).isEqualTo(small);
        assertThat(organization.path("plans").findValuesAsString("id")).containsExactly(small, large);

        Http boss = http().as("boss", "boss-pass");
        Http.Reply limits = boss.get("/api/" + org + "/platform/limits");
        assertThat(limits.status()).as(limits.toString()).isEqualTo(200);
        assertThat(limits.data().path("platform.workspaces").asLong()).isEqualTo(1);
        assertThat(boss.get("/api/" + org + "/platform/limits?limit_id=platform.w").data().toString())
                .isEqualTo("{\"platform.workspaces\":1}");

        // One workspace allowed: the second is refused with Exastro's code, and not created.
        createWorkspace(boss, org, "ws1");
        Http.Reply second = boss.post("/api/" + org + "/platform/workspaces", Map.of("id", "ws2", "name", "two"));
        assertError(second, 400, "400-00022");
        assertThat(boss.get("/api/" + org + "/platform/workspaces").data().findValuesAsString("id"))
                .containsExactly("ws1");
        // One user allowed, the manager: no other user can be added.
        assertError(boss.post("/api/" + org + "/platform/users", Map.of("username", "u2", "password", "u2-pass-1")),
                400, "400-00022");

        // Without the small plan, the default plan's limits apply again.
        assertError(admin().post(orgPlans, Map.of("id", large, "start_datetime", past)), 400, "400-29001");
        assertThat(admin().delete(orgPlans + "/" + past.replace(" ", "%20")).status()).isEqualTo(200);
        assertError(admin().delete(orgPlans + "/" + past.replace(" ", "%20")), 404, "404-27002");
        assertThat(boss.get("/api/" + org + "/platform/limits").data().path("platform.workspaces").asLong())
                .isEqualTo(100);
        createWorkspace(boss, org, "ws2");

        // An organization with plans can be deleted; its plans go with it, the plans themselves stay.
        assertThat(admin().delete("/api/platform/organizations/" + org).status()).isEqualTo(200);
        assertError(admin().get(orgPlans), 404, "404-00001");
        assertThat(admin().get(PLANS).data().findValuesAsString("id")).contains(small, large);
    }

    @Test
    void organizationPlansAreCheckedAsExastroChecksThem() {
        String org = unique("org");
        createOrganization(org, "boss", "boss-pass");
        String orgPlans = "/api/platform/" + org + "/plans";

        assertError(admin().post(orgPlans, Map.of("id", "no-such-plan", "start_datetime", "2026-01-01 00:00:00")),
                404, "404-29001");
        assertError(admin().post(orgPlans, Map.of("id", "plan-x", "start_datetime", "2026/01/01 00:00")),
                400, "400-00020");
        assertError(admin().post(orgPlans, Map.of("id", "plan-x", "start_datetime", "2026-02-30 00:00:00")),
                400, "400-00020");
        assertError(admin().post(orgPlans, Map.of("id", "plan-x")), 400, "400-00011");
        assertError(admin().post(orgPlans, "\"text\""), 400, "400-00002");
        assertError(admin().delete(orgPlans + "/yesterday"), 400, "400-00020");
        assertError(admin().get("/api/platform/no-such-org/plans"), 404, "404-00001");
        assertError(admin().post("/api/platform/organizations", organizationBodyWithPlan(unique("org"), "no-such-plan")),
                404, "404-23001");
    }

    @Test
    void usagesCountWorkspacesUsersAndRoles() {
        String org = unique("org");
        createOrganization(org, "boss", "boss-pass");
        Http boss = http().as("boss", "boss-pass");
        createWorkspace(boss, org, "ws1");
        createWorkspace(boss, org, "ws2");
        createUser(boss, org, "member1", "member1-pass", "ws1", "member");

        Http.Reply all = admin().get("/api/platform/usages");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode entry : all.data().values()) {
            if (entry.path("organization_id").asString().equals(org)) {
                mine = entry;
            }
        }
        assertThat(mine).as(all.toString()).isNotNull();
        assertThat(mine.toString()).isEqualTo("{\"organization_id\":\"" + org + "\",\"usages\":["
                + "{\"id\":\"platform.workspaces\",\"current_value\":2},"
                + "{\"id\":\"platform.users\",\"current_value\":2},"
                + "{\"id\":\"platform.roles\",\"current_value\":4}]}");
        assertThat(admin().get("/api/platform/usages?organization_id=" + org).data().size()).isEqualTo(1);
        assertError(admin().get("/api/platform/usages?organization_id=no-such-org"), 404, "404-00001");

        Http.Reply own = boss.get("/api/" + org + "/platform/usages?id=platform.users");
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.data().toString()).isEqualTo("[{\"id\":\"platform.users\",\"current_value\":2}]");
    }

    @Test
    void onlySystemAdministratorsManagePlansAndOnlyManagersSeeUsages() {
        String org = unique("org");
        createOrganization(org, "boss", "boss-pass");
        String other = unique("org");
        createOrganization(other, "boss", "other-pass");
        Http boss = http().as("boss", "boss-pass");
        createWorkspace(boss, org, "ws1");
        createUser(boss, org, "member1", "member1-pass", "ws1", "member");
        Http member = http().as("member1", "member1-pass");

        for (String path : List.of(PLANS, ITEMS, "/api/platform/" + org + "/plans", "/api/platform/usages")) {
            assertError(http().get(path), 401, "401-00002");
            assertError(boss.get(path), 403, "403-00001");
        }
        assertError(http().post(PLANS, plan(unique("plan"), 1)), 401, "401-00002");
        assertError(boss.post(PLANS, plan(unique("plan"), 1)), 403, "403-00001");
        assertError(boss.delete("/api/platform/" + org + "/plans/2026-01-01%2000:00:00"), 403, "403-00001");
        assertError(http().get("/api/" + org + "/platform/usages"), 401, "401-00002");
        assertError(member.get("/api/" + org + "/platform/usages"), 403, "403-00001");
        // A manager of one organization is nobody in another.
        assertError(boss.get("/api/" + other + "/platform/usages"), 401, "401-00002");
        assertError(boss.get("/api/" + other + "/platform/limits"), 401, "401-00002");
        assertThat(member.get("/api/" + org + "/platform/limits").status()).isEqualTo(200);
    }

    @Test
    void loadModeRefusesEveryPlanWriteAndKeepsReads() {
        String org = unique("org");
        createOrganization(org, "boss", "boss-pass");
        String id = unique("plan");
        setModes("0", "1");

        assertError(admin().post(PLANS, plan(id, 1)), 498, "498-00001");
        assertError(admin().post("/api/platform/" + org + "/plans",
                Map.of("id", "plan-x", "start_datetime", "2026-01-01 00:00:00")), 498, "498-00001");
        assertError(admin().delete("/api/platform/" + org + "/plans/2026-01-01%2000:00:00"), 498, "498-00001");
        assertThat(admin().get(PLANS).status()).isEqualTo(200);
        assertThat(admin().get("/api/platform/usages").status()).isEqualTo(200);
        setModes("0", "0");
        assertThat(admin().get(PLANS).data().findValuesAsString("id")).doesNotContain(id);
    }

    private static Map<String, Object> organizationBodyWithPlan(String id, String planId) {
        Map<String, Object> body = new LinkedHashMap<>(organizationBody(id, "boss", "boss-pass"));
        body.put("plan", Map.of("id", planId));
        return body;
    }

    /** A plan that sets every item: the workspaces and users to {@code limit}, the others to 1. */
    private static Map<String, Object> plan(String id, long limit) {
        Map<String, Object> limits = new LinkedHashMap<>();
        ITEM_IDS.forEach(item -> limits.put(item, 1));
        limits.put("platform.workspaces", limit);
        limits.put("platform.users", limit);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", id);
        plan.put("name", id + " name");
        plan.put("informations", Map.of("description", "for tests"));
        plan.put("limits", limits);
        return plan;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> limits(Map<String, Object> plan) {
        return (Map<String, Object>) plan.get("limits");
    }

    private static String start(LocalDateTime time) {
        return START.format(time);
    }

    private static JsonNode byId(JsonNode list, String id) {
        for (JsonNode node : list.values()) {
            if (node.path("id").asString().equals(id)) {
                return node;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }
}
