package dev.jita.conductor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Conductor classes through the API: register, read, update with its stamp, and every rule of the class JSON. */
public class ConductorClassTest extends ApiTest {

    /** The spec's minimal class, as written there. */
    public static final String SPEC_MINIMAL = """
            {"config": {"nodeNumber": 3, "terminalNumber": 4, "edgeNumber": 2, "editorVersion": "1"},
             "conductor": {"id": null, "conductor_name": "c1", "note": null, "last_update_date_time": null, "notice_info": {}},
             "node-1": {"id": "node-1", "type": "start", "x": 0, "y": 0, "w": 40, "h": 40, "note": null,
               "terminal": {"terminal-1": {"id": "terminal-1", "type": "out", "targetNode": "node-2", "edge": "line-1", "x": 40, "y": 20}}},
             "node-2": {"id": "node-2", "type": "movement", "x": 100, "y": 0, "w": 120, "h": 40, "note": null,
               "movement_name": "mv1", "orchestra_id": "1", "skip_flag": "0", "operation_name": null,
               "terminal": {"terminal-2": {"id": "terminal-2", "type": "in", "targetNode": "node-1", "edge": "line-1", "x": 100, "y": 20},
                            "terminal-3": {"id": "terminal-3", "type": "out", "targetNode": "node-3", "edge": "line-2", "x": 220, "y": 20}}},
             "node-3": {"id": "node-3", "type": "end", "x": 280, "y": 0, "w": 40, "h": 40, "note": null, "end_type": "6",
               "terminal": {"terminal-4": {"id": "terminal-4", "type": "in", "targetNode": "node-2", "edge": "line-2", "x": 280, "y": 20}}},
             "line-1": {"id": "line-1", "type": "edge", "outNode": "node-1", "outTerminal": "terminal-1", "inNode": "node-2", "inTerminal": "terminal-2"},
             "line-2": {"id": "line-2", "type": "edge", "outNode": "node-2", "outTerminal": "terminal-3", "inNode": "node-3", "inTerminal": "terminal-4"}}
            """;

    String org;
    Http member;
    Http viewer;
    String menus;
    String classes;

    @BeforeEach
    void workspace() {
        TestWorkspace workspace = newWorkspace("cc-org");
        org = workspace.org();
        member = workspace.member();
        viewer = workspace.viewer();
        menus = workspace.menus();
        classes = menus + "conductor_class_edit/conductor/class/";
        record("movement_list_ansible_legacy", Map.of("movement_name", "mv1"));
        record("operation_list", Map.of("operation_name", "op1"));
        JsonNode gone = record("operation_list", Map.of("operation_name", "op-gone"));
        Http.Reply discard = member.patch(menus + "operation_list/maintenance/" + gone.path("uuid").asString() + "/",
                Map.of("parameter", Map.of("discard", "1",
                        "last_update_date_time", gone.path("last_update_date_time").asString())));
        assertThat(discard.status()).as(discard.toString()).isEqualTo(200);
    }

    @Test
    void theSpecsMinimalClassRegistersReadsBackAndIsListed() {
        Http.Reply registered = member.post(classes + "maintenance/", SPEC_MINIMAL);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        String id = registered.data().path("conductor_class_id").asString();
        assertThat(id).matches("[0-9a-f-]{36}");

        JsonNode read = viewer.get(classes + id + "/").data();
        JsonNode expected = Http.JSON.readTree(SPEC_MINIMAL);
        assertThat(read.path("conductor").path("id").asString()).isEqualTo(id);
        assertThat(read.path("conductor").path("last_update_date_time").asString())
                .matches("\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(read.path("line-2")).isEqualTo(expected.path("line-2"));
        assertThat(read.path("node-1")).isEqualTo(expected.path("node-1"));
        // The movement is kept by id too: the id is what a run will use.
        assertThat(read.path("node-2").path("movement_id").asString())
                .isEqualTo(record("movement_list_ansible_legacy", null).path("movement_id").asString());

        List<JsonNode> rows = new ArrayList<>();
        member.get(menus + "conductor_class_list/filter/").data().values().forEach(r -> rows.add(r.path("parameter")));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("conductor_class_id").asString()).isEqualTo(id);
        assertThat(rows.get(0).path("conductor_name").asString()).isEqualTo("c1");
        assertThat(Http.JSON.readTree(rows.get(0).path("setting").asString())).isEqualTo(read);
        assertThat(rows.get(0).path("last_updated_user").asString()).isNotBlank();
        assertThat(rows.get(0).path("discard").asString()).isEqualTo("0");
        assertThat(member.get(menus + "conductor_class_list/filter/count/").data().asInt()).isEqualTo(1);
        // Read-only: written only through the class endpoints, which validate.
        assertThat(member.post(menus + "conductor_class_list/maintenance/",
                Map.of("parameter", Map.of("conductor_name", "x"))).status()).isEqualTo(403);

        JsonNode info = viewer.get(classes + "info/").data();
        assertThat(info.path("orchestra").toString()).contains("Ansible Legacy", "Terraform CLI", "Terraform Cloud/EP")
                .doesNotContain("Pioneer");
        assertThat(info.path("movement").path("1").get(0).path("movement_name").asString()).isEqualTo("mv1");
        assertThat(info.path("operation").toString()).contains("op1").doesNotContain("op-gone");
        assertThat(info.path("conductor").get(0).path("conductor_name").asString()).isEqualTo("c1");
        assertError(viewer.get(classes + "no-such-class/"), 404, "404-00001");
    }

    @Test
    void anUpdateNeedsTheStampItWasReadWith() {
        String id = register(ClassJson.minimal("c1").json());
        ObjectNode read = (ObjectNode) member.get(classes + id + "/").data();
        String stamp = read.path("conductor").path("last_update_date_time").asString();
        ((ObjectNode) read.get("conductor")).put("conductor_name", "c1-renamed").put("note", "second");
        ((ObjectNode) read.get("node-2")).put("operation_name", "op1");

        Http.Reply updated = member.patch(classes + "maintenance/" + id + "/", read);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.data().path("conductor_class_id").asString()).isEqualTo(id);
        JsonNode after = member.get(classes + id + "/").data();
        assertThat(after.path("conductor").path("conductor_name").asString()).isEqualTo("c1-renamed");
        assertThat(after.path("node-2").path("operation_id").asString()).isNotBlank();
        assertThat(after.path("conductor").path("last_update_date_time").asString()).isNotEqualTo(stamp);

        // The same body again carries the old stamp: refused, nothing written.
        ((ObjectNode) read.get("conductor")).put("conductor_name", "stale-name");
        Http.Reply stale = member.patch(classes + "maintenance/" + id + "/", read);
        assertError(stale, 499, "499-00201");
        assertThat(stale.data().path("errors").path("conductor").toString()).contains("changed by someone else");
        ((ObjectNode) read.get("conductor")).remove("last_update_date_time");
        assertThat(member.patch(classes + "maintenance/" + id + "/", read).data().path("errors").path("conductor")
                .toString()).contains("last_update_date_time: required");
        assertThat(member.get(classes + id + "/").data()).isEqualTo(after);
        assertError(member.patch(classes + "maintenance/no-such-class/", after), 404, "404-00001");
    }

    @Test
    void namesAreUniquePerWorkspace() {
        register(ClassJson.minimal("same").json());
        Http.Reply again = member.post(classes + "maintenance/", ClassJson.minimal("same").json());
        assertError(again, 499, "499-00201");
        assertThat(again.data().path("errors").path("conductor").toString()).contains("already exists");
        String other = register(ClassJson.minimal("other").json());
        ObjectNode renamed = (ObjectNode) member.get(classes + other + "/").data();
        ((ObjectNode) renamed.get("conductor")).put("conductor_name", "same");
        assertError(member.patch(classes + "maintenance/" + other + "/", renamed), 499, "499-00201");
        assertThat(count()).isEqualTo(2);
    }

    /** One mistake in an otherwise good class, and where the reason must be. */
    record Case(String name, Supplier<ObjectNode> body, String key, String reason) {
    }

    static Case mutated(String name, Consumer<ClassJson> change, String key, String reason) {
        return new Case(name, () -> {
            ClassJson json = ClassJson.minimal("bad");
            change.accept(json);
            return json.json();
        }, key, reason);
    }

    static Case built(String name, Supplier<ClassJson> build, String key, String reason) {
        return new Case(name, () -> build.get().json(), key, reason);
    }

    static List<Case> cases() {
        return List.of(
                mutated("two starts", j -> j.edge(j.node("start").path("id").asString(), "node-3"), "node-1",
                        "one start node"),
                mutated("no start", j -> j.node(1).put("type", "pause"), "node", "needs one start node"),
                mutated("a dangling edge", j -> j.root.putObject("line-3").put("id", "line-3").put("type", "edge")
                        .put("outNode", "node-9").put("outTerminal", "terminal-9").put("inNode", "node-3")
                        .put("inTerminal", "terminal-4"), "line-3", "outNode: no node \"node-9\""),
                mutated("a terminal pointing to the wrong node", j -> ((ObjectNode) j.node(2).path("terminal")
                        .get("terminal-3")).put("targetNode", "node-1"), "node-2", "line-2 does not run from this terminal to node-1"),
                mutated("a terminal naming an unknown edge", j -> ((ObjectNode) j.node(2).path("terminal")
                        .get("terminal-3")).put("edge", "line-9"), "node-2", "no edge \"line-9\""),
                mutated("an edge naming an out terminal as its in terminal", j -> ((ObjectNode) j.root.get("line-1"))
                        .put("inTerminal", "terminal-3"), "line-1", "terminal-3 of node-2 is not the in terminal"),
                mutated("a terminal of no type", j -> ((ObjectNode) j.node(2).path("terminal").get("terminal-3"))
                        .put("type", "sideways"), "node-2", "\"in\" or \"out\""),
                built("a parallel-branch with one out", () -> {
                    ClassJson j = new ClassJson("bad");
                    j.node("start");
                    j.node("parallel-branch");
                    j.node("movement");
                    j.node("end");
                    j.edge("node-1", "node-2");
                    j.edge("node-2", "node-3");
                    j.edge("node-3", "node-4");
                    return j;
                }, "node-2", "at least two out terminals"),
                built("a merge with one in", () -> {
                    ClassJson j = new ClassJson("bad");
                    j.node("start");
                    j.node("movement");
                    j.node("merge");
                    j.node("end");
                    j.edge("node-1", "node-2");
                    j.edge("node-2", "node-3");
                    j.edge("node-3", "node-4");
                    return j;
                }, "node-3", "at least two in terminals"),
                mutated("an unknown node type", j -> j.node(2).put("type", "robot"), "node-2", "\"robot\" is not a node type"),
                mutated("an extra top-level key", j -> j.root.putObject("extra"), "extra", "only config, conductor, node-N and line-N"),
                mutated("a node id other than its key", j -> j.node(2).put("id", "node-7"), "node-2", "must be \"node-2\""),
                mutated("an unknown movement", j -> j.node(2).put("movement_name", "x"), "node-2",
                        "movement_name: no movement \"x\" in movement_list_ansible_legacy"),
                mutated("a movement of Pioneer", j -> j.node(2).put("orchestra_id", "2"), "node-2",
                        "Ansible Pioneer is a driver jita does not have"),
                mutated("a movement of Legacy Role", j -> j.node(2).put("orchestra_id", 3), "node-2",
                        "Ansible Legacy Role is a driver jita does not have"),
                mutated("an unknown orchestra", j -> j.node(2).put("orchestra_id", "9"), "node-2", "orchestra_id"),
                mutated("a movement of another orchestra", j -> j.node(2).put("orchestra_id", "5"), "node-2",
                        "no movement \"mv1\" in movement_list_terraform_cli"),
                mutated("a movement without a movement", j -> j.node(2).remove("movement_name"), "node-2",
                        "movement_id or movement_name is required"),
                mutated("no skip flag", j -> j.node(2).remove("skip_flag"), "node-2", "skip_flag"),
                mutated("a skip flag of 2", j -> j.node(2).put("skip_flag", "2"), "node-2", "skip_flag"),
                mutated("an unknown operation", j -> j.node(2).put("operation_name", "nope"), "node-2",
                        "operation_name: no operation \"nope\" in operation_list"),
                mutated("a discarded operation", j -> j.node(2).put("operation_name", "op-gone"), "node-2",
                        "no operation \"op-gone\""),
                mutated("an end type of 5", j -> j.node(3).put("end_type", "5"), "node-3", "end_type"),
                mutated("a note too long", j -> j.node(2).put("note", "n".repeat(4001)), "node-2", "note"),
                mutated("a node without its position", j -> j.node(2).remove("x"), "node-2", "x: a number is required"),
                mutated("no config", j -> j.root.remove("config"), "config", "required"),
                mutated("no class name", j -> ((ObjectNode) j.root.get("conductor")).put("conductor_name", ""),
                        "conductor", "conductor_name: required"),
                mutated("a notice on an unknown status", j -> ((ObjectNode) j.root.get("conductor")).putObject("notice_info")
                        .putArray("mail").add("99"), "conductor", "notice_info.mail"),
                mutated("no edges", j -> {
                    j.root.remove("line-1");
                    j.root.remove("line-2");
                }, "line", "at least one edge"),
                mutated("a call of an unknown class", j -> {
                    j.node(2).put("type", "call").put("call_conductor_name", "nobody");
                }, "node-2", "call_conductor_name: no conductor class \"nobody\""),
                built("a start linked to an end", () -> {
                    ClassJson j = new ClassJson("bad");
                    j.node("start");
                    j.node("end");
                    j.edge("node-1", "node-2");
                    return j;
                }, "node-1", "a start leads to a movement, a call or a parallel-branch"),
                built("a parallel-branch leading to an end", () -> {
                    ClassJson j = new ClassJson("bad");
                    j.node("start");
                    j.node("parallel-branch");
                    j.node("movement");
                    j.node("end");
                    j.node("end");
                    j.edge("node-1", "node-2");
                    j.edge("node-2", "node-3");
                    j.edge("node-2", "node-5");
                    j.edge("node-3", "node-4");
                    return j;
                }, "node-2", "a parallel-branch leads to movements or calls"),
                built("a conditional-branch after a pause", () -> branch("conditional-branch", "pause", "5", "9999"),
                        "node-3", "a conditional-branch comes right after a movement or a call"),
                built("a condition that is no node status", () -> branch("conditional-branch", "movement", "5", "banana"),
                        "node-4", "\"banana\" is not a node status id"),
                built("a status-file-branch without else", () -> {
                    ClassJson j = branch("status-file-branch", "movement", null, null);
                    ((ObjectNode) j.node(4).path("terminal").get("terminal-7")).put("case", "1").putArray("condition").add("ok");
                    ((ObjectNode) j.node(4).path("terminal").get("terminal-9")).put("case", "2").putArray("condition").add("ng");
                    return j;
                }, "node-4", "one out terminal with case \"else\""),
                built("a movement with no out", () -> {
                    ClassJson j = new ClassJson("bad");
                    j.node("start");
                    j.node("movement");
                    j.edge("node-1", "node-2");
                    return j;
                }, "node-2", "a movement has one in and one out terminal"));
    }

    /** start → movement → (a {@code before} node) → a branch → two ends, the branch's outs with these conditions. */
    static ClassJson branch(String branchType, String before, String first, String second) {
        ClassJson j = new ClassJson("bad");
        j.node("start");
        j.node("movement");
        j.node(before.equals("movement") ? "movement" : before);
        j.node(branchType);
        j.node("end");
        j.node("end");
        j.edge("node-1", "node-2");
        j.edge("node-2", "node-3");
        j.edge("node-3", "node-4");
        ObjectNode out1 = j.edge("node-4", "node-5");
        ObjectNode out2 = j.edge("node-4", "node-6");
        if (first != null) {
            out1.putArray("condition").add(first);
            out2.putArray("condition").add(second);
        }
        return j;
    }

    @Test
    void everyRuleIsRefusedWithAReasonThatNamesThePartAndNothingIsWritten() {
        register(ClassJson.minimal("good").json());
        Map<String, String> failures = new LinkedHashMap<>();
        for (Case c : cases()) {
            Http.Reply reply = member.post(classes + "maintenance/", c.body().get());
            JsonNode reasons = reply.data().path("errors").path(c.key());
            if (reply.status() != 499 || !"499-00201".equals(reply.result())
                    || reasons.values().stream().noneMatch(r -> r.asString().contains(c.reason()))) {
                failures.put(c.name(), reply.toString());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void theGoodShapesOfEveryNodeTypeAreAccepted() {
        register(ClassJson.minimal("callee").json());
        ClassJson j = new ClassJson("every-node");
        j.node("start");
        j.node("parallel-branch");
        j.node("movement");
        j.node("call").put("call_conductor_name", "callee").put("operation_name", "op1");
        j.node("merge");
        j.node("pause");
        j.node("movement").put("operation_id", "").put("operation_name", "");
        j.node("conditional-branch");
        j.node("movement");
        j.node("status-file-branch");
        j.node("end").put("end_type", "8");
        j.node("end").remove("end_type");
        j.node("end").put("end_type", "7");
        j.edge("node-1", "node-2");
        j.edge("node-2", "node-3");
        j.edge("node-2", "node-4");
        j.edge("node-3", "node-5");
        j.edge("node-4", "node-5");
        j.edge("node-5", "node-6");
        j.edge("node-6", "node-7");
        j.edge("node-7", "node-8");
        j.edge("node-8", "node-9").putArray("condition").add("5").add(14);
        j.edge("node-8", "node-13").putArray("condition").add("9999");
        j.edge("node-9", "node-10");
        j.edge("node-10", "node-11").put("case", "1").putArray("condition").add("ok");
        j.edge("node-10", "node-12").put("case", "else");
        String id = register(j.json());
        JsonNode read = member.get(classes + id + "/").data();
        assertThat(read.path("node-12").path("end_type").asString()).isEqualTo("6");
        assertThat(read.path("node-4").path("call_conductor_id").asString()).matches("[0-9a-f-]{36}");
    }

    @Test
    void aClassCannotCallItselfDirectlyOrThroughOthers() {
        String a = register(ClassJson.minimal("A").json());
        ClassJson callsA = ClassJson.minimal("B");
        callsA.node(2).put("type", "call").put("call_conductor_name", "A");
        String b = register(callsA.json());

        ObjectNode aRead = (ObjectNode) member.get(classes + a + "/").data();
        ObjectNode aCallsB = (ObjectNode) aRead.deepCopy();
        ((ObjectNode) aCallsB.get("node-2")).put("type", "call").put("call_conductor_name", "B");
        Http.Reply loop = member.patch(classes + "maintenance/" + a + "/", aCallsB);
        assertError(loop, 499, "499-00201");
        assertThat(loop.data().path("errors").path("node-2").get(0).asString()).contains("makes a loop: A → B → A");

        ObjectNode aCallsA = (ObjectNode) aRead.deepCopy();
        ((ObjectNode) aCallsA.get("node-2")).put("type", "call").put("call_conductor_id", a);
        assertThat(member.patch(classes + "maintenance/" + a + "/", aCallsA).data().path("errors").path("node-2").get(0).asString())
                .contains("makes a loop: A → A");
        assertThat(member.get(classes + a + "/").data()).isEqualTo(aRead);
        assertThat(member.get(classes + b + "/").data().path("node-2").path("call_conductor_id").asString()).isEqualTo(a);
    }

    @Test
    void aMovementOfADriverTheOrganizationLacksIsRefused() {
        String without = unique("cc-org");
        Map<String, Object> body = new LinkedHashMap<>(organizationBody(without, "boss", "boss-pass"));
        body.put("optionsIta", Map.of("drivers", Map.of("terraform_cli", false)));
        assertThat(admin().post("/api/platform/organizations", body).status()).isEqualTo(200);
        Http boss = http().as("boss", "boss-pass");
        createWorkspace(boss, without, "ws1");
        String path = "/api/" + without + "/workspaces/ws1/ita/menu/conductor_class_edit/conductor/class/";
        ClassJson json = ClassJson.minimal("tf");
        json.node(2).put("orchestra_id", "5");
        Http.Reply reply = boss.post(path + "maintenance/", json.json());
        assertError(reply, 499, "499-00201");
        assertThat(reply.data().path("errors").path("node-2").toString())
                .contains("the organization has no Terraform CLI driver");
        assertThat(boss.get(path + "info/").data().path("orchestra").toString()).doesNotContain("Terraform CLI");
    }

    @Test
    void whoMayReadAndWriteAndWhatABadRequestGets() {
        String id = register(ClassJson.minimal("c1").json());
        ObjectNode read = (ObjectNode) member.get(classes + id + "/").data();
        ObjectNode body = ClassJson.minimal("c2").json();

        assertError(http().post(classes + "maintenance/", body), 401, "401-00002");
        assertError(http().get(classes + id + "/"), 401, "401-00002");
        String stranger = unique("cc-org");
        createOrganization(stranger, "stranger", "stranger-pass");
        assertError(http().as("stranger", "stranger-pass").get(classes + id + "/"), 401, "401-00002");
        assertError(viewer.post(classes + "maintenance/", body), 403, "403-00001");
        assertError(viewer.patch(classes + "maintenance/" + id + "/", read), 403, "403-00001");
        assertThat(viewer.get(classes + id + "/").status()).isEqualTo(200);

        assertError(member.post(classes + "maintenance/", "{\"config\": "), 400, "400-00002");
        assertError(member.post(classes + "maintenance/", "[]"), 400, "400-00002");
        ObjectNode control = ClassJson.minimal("c\u0001").json();
        assertError(member.post(classes + "maintenance/", control), 400, "400-00002");

        setModes("0", "1");
        try {
            assertError(member.post(classes + "maintenance/", body), 498, "498-00005");
            assertError(member.patch(classes + "maintenance/" + id + "/", read), 498, "498-00005");
            assertThat(viewer.get(classes + id + "/").status()).isEqualTo(200);
        } finally {
            setModes("0", "0");
        }
        assertThat(count()).isEqualTo(1);
        assertThat(member.get(classes + id + "/").data()).isEqualTo(read);
    }

    private String register(ObjectNode body) {
        Http.Reply reply = member.post(classes + "maintenance/", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().path("conductor_class_id").asString();
    }

    private int count() {
        return member.get(menus + "conductor_class_list/filter/count/").data().asInt();
    }

    /** Registers a record (or, with null, reads the menu's first) and returns it as the menu shows it. */
    private JsonNode record(String menu, Map<String, Object> parameter) {
        List<String> before = member.get(menus + menu + "/filter/").data().findValuesAsString("uuid");
        if (parameter == null) {
            return member.get(menus + menu + "/filter/").data().get(0).path("parameter");
        }
        Http.Reply reply = member.post(menus + menu + "/maintenance/", Map.of("parameter", parameter));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        for (JsonNode row : member.get(menus + menu + "/filter/").data()) {
            if (!before.contains(row.path("parameter").path("uuid").asString())) {
                return row.path("parameter");
            }
        }
        throw new AssertionError("The record registered in " + menu + " is not found");
    }
}
