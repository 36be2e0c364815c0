package dev.jita.menu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Searches run in the database through the value index: each answer is compared with the conditions applied to
 * the records as the API shows them (Exastro's semantics, which jita applied in memory before), for text,
 * integer, date-time, reference, id and common columns, LIKE's wildcard characters, long values, passwords and
 * discarded records; and every write path keeps the index current.
 */
class MenuSearchTest extends ApiTest {

    private static final String LONG = "x".repeat(140) + "middle-of-a-long-value" + "y".repeat(200);
    /** Characters outside the BMP: two Java chars each, one character in the databases. */
    private static final String FACES = "\uD83D\uDE00".repeat(160);

    @Autowired
    private MenuService menus;
    @Autowired
    private ObjectMapper json;
    private Http member;
    private String base;
    private String org;

    @BeforeEach
    void workspace() {
        TestWorkspace ws = newWorkspace("search");
        member = ws.member();
        base = ws.menus();
        org = ws.org();
    }

    @Test
    void everyConditionAnswersAsTheRecordsShowThem() {
        bulk("operation_list", List.of(
                Map.of("operation_name", "op-a", "scheduled_date_for_execution", "2026/01/05 10:00:00"),
                Map.of("operation_name", "op-b", "scheduled_date_for_execution", "2026/02/05 10:00:00"),
                Map.of("operation_name", "other")));
        bulk("device_list", List.of(
                device("web1", "deploy", 22, null),
                device("web2", "a%b", 2222, "remark one"),
                device("web3", "a_b", 80, LONG),
                device("db1", "a!b", 5, LONG.substring(0, MenuStore.KEY_LENGTH)),
                device("db2", "a\\b", 0, LONG + "z"),
                device("db3", "ADMIN", 65535, "admin"),
                device("web4", "faces", 1, FACES),
                device("web5", "faces", 1, FACES.substring(0, 2 * MenuStore.KEY_LENGTH))));
        bulk("movement_list_ansible_legacy", List.of(Map.of("movement_name", "mv1", "delay_timer", 5),
                Map.of("movement_name", "mv2")));
        bulk("target_host_ansible_legacy", List.of(
                Map.of("operation", "op-a", "movement", "mv1", "host", "web1"),
                Map.of("operation", "op-b", "movement", "mv1", "host", "web2"),
                Map.of("operation", "op-a", "movement", "mv2", "host", "db1")));
        JsonNode db3 = find("device_list", Map.of("host_name", Map.of("LIST", List.of("db3")))).get(0);
        assertThat(member.patch(base + "device_list/maintenance/" + db3.path("uuid").asString(), Map.of("parameter",
                Map.of("discard", "1", "last_update_date_time", db3.path("last_update_date_time").asString()))).status())
                .isEqualTo(200);
        JsonNode web1 = find("device_list", Map.of("host_name", Map.of("LIST", List.of("web1")))).get(0);

        List<Map<String, Object>> deviceConditions = List.of(
                Map.of("login_user", Map.of("NORMAL", "%")),
                Map.of("login_user", Map.of("NORMAL", "_")),
                Map.of("login_user", Map.of("NORMAL", "!")),
                Map.of("login_user", Map.of("NORMAL", "\\")),
                Map.of("login_user", Map.of("NORMAL", "a%b")),
                Map.of("login_user", Map.of("NORMAL", "admin")),
                Map.of("login_user", Map.of("NORMAL", "")),
                Map.of("login_user", Map.of("LIST", List.of("deploy", "a_b", "nobody"))),
                Map.of("login_user", Map.of("LIST", List.of("a%b", "a!b"))),
                Map.of("login_user", Map.of("LIST", List.of())),
                Map.of("port_no", Map.of("NORMAL", "22")),
                Map.of("port_no", Map.of("LIST", List.of("22", 80))),
                Map.of("port_no", Map.of("RANGE", Map.of("START", "9", "END", "2222"))),
                Map.of("port_no", Map.of("RANGE", Map.of("START", "0"))),
                Map.of("port_no", Map.of("RANGE", Map.of("END", "80"))),
                Map.of("port_no", Map.of("RANGE", Map.of())),
                Map.of("remarks", Map.of("NORMAL", "middle-of-a-long")),
                Map.of("remarks", Map.of("NORMAL", "yyz")),
                Map.of("remarks", Map.of("LIST", List.of(LONG))),
                Map.of("remarks", Map.of("LIST", List.of(LONG.substring(0, MenuStore.KEY_LENGTH)))),
                Map.of("remarks", Map.of("LIST", List.of(LONG.substring(0, MenuStore.KEY_LENGTH + 1)))),
                Map.of("remarks", Map.of("NORMAL", "\uD83D\uDE00\uD83D\uDE00")),
                Map.of("remarks", Map.of("LIST", List.of(FACES))),
                Map.of("remarks", Map.of("LIST", List.of(FACES.substring(0, MenuStore.KEY_LENGTH)))),
                Map.of("remarks", Map.of("LIST", List.of(FACES.substring(0, 2 * MenuStore.KEY_LENGTH)))),
                Map.of("remarks", Map.of("LIST", List.of(FACES.substring(0, 2 * MenuStore.KEY_LENGTH + 2)))),
                Map.of("login_password", Map.of("NORMAL", "s")),
                Map.of("discard", Map.of("LIST", List.of("1"))),
                Map.of("discard", Map.of("NORMAL", "0")),
                Map.of("last_updated_user", Map.of("LIST", List.of("owner"))),
                Map.of("last_update_date_time", Map.of("RANGE", Map.of("START", "2000/01/01 00:00:00"))),
                Map.of("last_update_date_time", Map.of("RANGE", Map.of("END", "2000/01/01 00:00:00"))),
                Map.of("uuid", Map.of("LIST", List.of(web1.path("uuid").asString()))),
                Map.of("managed_system_item_number", Map.of("NORMAL", web1.path("uuid").asString().substring(0, 8))),
                Map.of("host_name", Map.of("NORMAL", "web"), "port_no", Map.of("RANGE", Map.of("START", "80"))),
                Map.of("host_name", Map.of("NORMAL", "db"), "discard", Map.of("LIST", List.of("0")),
                        "nope", Map.of("NORMAL", "ignored")));
        for (Map<String, Object> condition : deviceConditions) {
            answersAsShown("device_list", condition);
        }
        for (Map<String, Object> condition : List.<Map<String, Object>>of(
                Map.of("host", Map.of("NORMAL", "web")),
                Map.of("host", Map.of("LIST", List.of("db1", "web2"))),
                Map.of("operation", Map.of("LIST", List.of("op-a"))),
                Map.of("movement", Map.of("NORMAL", "2"), "operation", Map.of("NORMAL", "op")))) {
            answersAsShown("target_host_ansible_legacy", condition);
        }
        for (Map<String, Object> condition : List.<Map<String, Object>>of(
                Map.of("scheduled_date_for_execution", Map.of("RANGE", Map.of("START", "2026/01/05 10:00:00",
                        "END", "2026/02/01"))),
                Map.of("scheduled_date_for_execution", Map.of("NORMAL", "/02/")),
                Map.of("last_run_date", Map.of("NORMAL", "2026")),
                Map.of("operation_name", Map.of("NORMAL", "op-")))) {
            answersAsShown("operation_list", condition);
        }
        assertError(member.post(base + "device_list/filter/", Map.of("port_no", Map.of("RANGE", Map.of("START", "x")))),
                400, "400-00001");
        assertError(member.post(base + "target_host_ansible_legacy/filter/count/",
                Map.of("host", Map.of("RANGE", Map.of()))), 499, "499-00101");
    }

    @Test
    void pagesReadEveryRecordOnceInTheOrderOfTheSearch() {
        List<Map<String, Object>> devices = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            devices.add(device("page-" + i, i % 3 == 0 ? "odd" : "even", i, null));
        }
        bulk("device_list", devices.subList(0, 12));
        bulk("device_list", devices.subList(12, 23));
        Map<String, Object> even = Map.of("login_user", Map.of("LIST", List.of("even")));
        for (Map<String, Object> conditions : List.of(Map.<String, Object>of(), even)) {
            List<String> searched = find("device_list", conditions).stream().map(r -> r.path("uuid").asString()).toList();
            List<String> paged = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            menus.eachPage(org, "ws1", "device_list", json.valueToTree(conditions), 5, false, page -> {
                sizes.add(page.size());
                page.forEach(record -> paged.add(record.id()));
            });
            assertThat(paged).as(conditions.toString()).isEqualTo(searched).doesNotHaveDuplicates();
            assertThat(sizes).allMatch(size -> size <= 5);
        }
    }

    /**
     * A sort runs in the database: numbers as numbers, texts, date-times, references by the referenced value, the
     * common columns; records without a value after the others (before them descending), ties in the order of
     * registration; with a filter and a page of it. Texts are lowercase letters, which every collation orders alike.
     */
    @Test
    void sortsInTheDatabaseAsTheRecordsShowThem() {
        bulk("device_list", List.of(device("delta", "kilo", 80, "b"), device("alpha", "lima", 8080, null),
                device("echo", "kilo", 9, "a")));
        bulk("device_list", List.of(device("bravo", "mike", 80, "c"), device("charlie", "juliet", 443, null)));
        Map<String, Object> noPort = new LinkedHashMap<>(device("foxtrot", "lima", 0, null));
        noPort.remove("port_no");
        bulk("device_list", List.of(noPort));
        bulk("operation_list", List.of(Map.of("operation_name", "op-b", "scheduled_date_for_execution", "2026/02/05 10:00:00"),
                Map.of("operation_name", "op-a"), Map.of("operation_name", "op-c",
                        "scheduled_date_for_execution", "2026/01/05 10:00:00")));
        bulk("movement_list_ansible_legacy", List.of(Map.of("movement_name", "mv1")));
        bulk("target_host_ansible_legacy", List.of(
                Map.of("operation", "op-c", "movement", "mv1", "host", "echo"),
                Map.of("operation", "op-a", "movement", "mv1", "host", "alpha"),
                Map.of("operation", "op-b", "movement", "mv1", "host", "charlie")));
        sortsAsShown("device_list", Map.of(), "port_no", "host_name", "login_user", "remarks", "discard",
                "last_updated_user", "last_update_date_time", "uuid");
        sortsAsShown("device_list", Map.of("login_user", Map.of("LIST", List.of("kilo", "lima"))), "port_no", "host_name");
        sortsAsShown("operation_list", Map.of(), "scheduled_date_for_execution", "operation_name", "last_run_date");
        sortsAsShown("target_host_ansible_legacy", Map.of(), "host", "operation");

        List<String> hosts = menus.search(org, "ws1", "device_list", json.valueToTree(Map.of()),
                new MenuService.Sort("port_no", false), 1, 3, false).stream()
                .map(r -> (String) r.parameter().get("host_name")).toList();
        // delta and bravo share a port: delta was registered first.
        assertThat(hosts).containsExactly("delta", "bravo", "charlie");
        assertThat(menus.search(org, "ws1", "device_list", null, new MenuService.Sort("port_no", true), 0, 2, false)
                .stream().map(r -> (String) r.parameter().get("host_name")).toList()).containsExactly("foxtrot", "alpha");
        for (String column : List.of("login_password", "nope")) {
            try {
                menus.search(org, "ws1", "device_list", null, new MenuService.Sort(column, false), 0, 10, false);
                throw new AssertionError(column + " was sorted");
            } catch (dev.jita.core.ApiException e) {
                assertThat(e.status()).isEqualTo(400);
            }
        }
    }

    /** Each sort, both ways, gives the records found in the order their values (as shown) give. */
    private void sortsAsShown(String menu, Map<String, Object> conditions, String... columns) {
        List<MenuService.Record> registered = menus.search(org, "ws1", menu, json.valueToTree(conditions), 0, 1000, false);
        for (String column : columns) {
            for (boolean descending : List.of(false, true)) {
                java.util.Comparator<MenuService.Record> byValue = (a, b) -> {
                    Object x = a.parameter().get(column);
                    Object y = b.parameter().get(column);
                    if (x == null || y == null) {
                        return x == null ? (y == null ? 0 : 1) : -1;
                    }
                    return x instanceof Number n ? new BigDecimal(n.toString()).compareTo(new BigDecimal(y.toString()))
                            : x.toString().compareTo(y.toString());
                };
                List<String> expected = registered.stream().sorted(descending ? byValue.reversed() : byValue)
                        .map(MenuService.Record::id).toList();
                List<String> sorted = menus.search(org, "ws1", menu, json.valueToTree(conditions),
                        new MenuService.Sort(column, descending), 0, 1000, false).stream().map(MenuService.Record::id).toList();
                assertThat(sorted).as(menu + " by " + column + (descending ? " desc" : "")).isEqualTo(expected);
            }
        }
    }

    @Test
    void filesAreAnsweredForTheRecordsFound() {
        byte[] key = "-----BEGIN KEY-----".getBytes(StandardCharsets.UTF_8);
        Http.Reply reply = member.post(base + "device_list/maintenance/", Map.of(
                "parameter", Map.of("host_name", "k1", "connection_type", "ssh", "ssh_private_key_file", "id_rsa"),
                "file", Map.of("ssh_private_key_file", Base64.getEncoder().encodeToString(key))));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        bulk("device_list", List.of(device("k2", "u", 1, null)));
        JsonNode found = member.post(base + "device_list/filter/", Map.of("host_name", Map.of("LIST", List.of("k1"))))
                .data();
        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).path("file").path("ssh_private_key_file").asString())
                .isEqualTo(Base64.getEncoder().encodeToString(key));
        JsonNode other = member.post(base + "device_list/filter/", Map.of("host_name", Map.of("LIST", List.of("k2"))))
                .data();
        assertThat(other.get(0).path("file").size()).isZero();
    }

    @Test
    void everyWritePathKeepsTheIndexCurrent() {
        bulk("device_list", List.of(device("h1", "before", 1, null)));
        JsonNode h1 = find("device_list", Map.of("login_user", Map.of("LIST", List.of("before")))).get(0);
        String uuid = h1.path("uuid").asString();

        Http.Reply update = member.patch(base + "device_list/maintenance/" + uuid, Map.of("parameter", Map.of(
                "login_user", "after", "port_no", 7, "last_update_date_time", h1.path("last_update_date_time").asString())));
        assertThat(update.status()).as(update.toString()).isEqualTo(200);
        assertThat(count("device_list", Map.of("login_user", Map.of("LIST", List.of("before"))))).isZero();
        assertThat(count("device_list", Map.of("login_user", Map.of("LIST", List.of("after"))))).isEqualTo(1);
        assertThat(count("device_list", Map.of("port_no", Map.of("RANGE", Map.of("START", "7", "END", "7"))))).isEqualTo(1);

        JsonNode now = find("device_list", Map.of("uuid", Map.of("LIST", List.of(uuid)))).get(0);
        write("Discard", Map.of("uuid", uuid, "last_update_date_time", now.path("last_update_date_time").asString()));
        assertThat(count("device_list", Map.of("discard", Map.of("LIST", List.of("1"))))).isEqualTo(1);
        now = find("device_list", Map.of("uuid", Map.of("LIST", List.of(uuid)))).get(0);
        assertThat(count("device_list", Map.of("last_update_date_time",
                Map.of("LIST", List.of(now.path("last_update_date_time").asString()))))).isEqualTo(1);
        write("Restore", Map.of("uuid", uuid, "last_update_date_time", now.path("last_update_date_time").asString()));
        assertThat(count("device_list", Map.of("discard", Map.of("LIST", List.of("0"))))).isEqualTo(1);
        now = find("device_list", Map.of("uuid", Map.of("LIST", List.of(uuid)))).get(0);
        write("Update", Map.of("uuid", uuid, "last_update_date_time", now.path("last_update_date_time").asString(),
                "login_user", "bulk-updated", "remarks", ""));
        assertThat(count("device_list", Map.of("login_user", Map.of("NORMAL", "bulk-")))).isEqualTo(1);
        assertThat(count("device_list", Map.of("login_user", Map.of("NORMAL", "after")))).isZero();

        // A reference is found by the referenced record's current value.
        bulk("operation_list", List.of(Map.of("operation_name", "op1")));
        bulk("movement_list_ansible_legacy", List.of(Map.of("movement_name", "mv1")));
        bulk("target_host_ansible_legacy", List.of(Map.of("operation", "op1", "movement", "mv1", "host", "h1")));
        assertThat(count("target_host_ansible_legacy", Map.of("host", Map.of("LIST", List.of("h1"))))).isEqualTo(1);
        now = find("device_list", Map.of("uuid", Map.of("LIST", List.of(uuid)))).get(0);
        write("Update", Map.of("uuid", uuid, "last_update_date_time", now.path("last_update_date_time").asString(),
                "host_name", "h9"));
        assertThat(count("target_host_ansible_legacy", Map.of("host", Map.of("LIST", List.of("h1"))))).isZero();
        assertThat(count("target_host_ansible_legacy", Map.of("host", Map.of("LIST", List.of("h9"))))).isEqualTo(1);
        assertThat(find("target_host_ansible_legacy", Map.of()).get(0).path("host").asString()).isEqualTo("h9");

        // A register through the web page's path (the same engine) and a register through the API are indexed alike.
        Http.Reply single = member.post(base + "device_list/maintenance/",
                Map.of("parameter", device("h2", "single", 2, "one remark")));
        assertThat(single.status()).as(single.toString()).isEqualTo(200);
        assertThat(count("device_list", Map.of("remarks", Map.of("LIST", List.of("one remark"))))).isEqualTo(1);
        assertThat(count("device_list", Map.of())).isEqualTo(2);
    }

    private void answersAsShown(String menu, Map<String, Object> conditions) {
        List<String> expected = new ArrayList<>();
        for (JsonNode record : find(menu, Map.of())) {
            JsonNode parameter = record;
            boolean all = true;
            for (Map.Entry<String, Object> condition : conditions.entrySet()) {
                if (!parameter.has(condition.getKey())) {
                    continue;
                }
                JsonNode value = parameter.get(condition.getKey());
                @SuppressWarnings("unchecked")
                Map<String, Object> kinds = (Map<String, Object>) condition.getValue();
                for (Map.Entry<String, Object> kind : kinds.entrySet()) {
                    all &= holds(value, kind.getKey(), kind.getValue());
                }
            }
            if (all) {
                expected.add(parameter.path("uuid").asString());
            }
        }
        List<String> found = find(menu, conditions).stream().map(p -> p.path("uuid").asString()).toList();
        assertThat(found).as(menu + " " + conditions).containsExactlyElementsOf(expected);
        assertThat(count(menu, conditions)).as(menu + " " + conditions).isEqualTo(expected.size());
    }

    /** Exastro's conditions on one value as the API shows it. */
    private static boolean holds(JsonNode value, String kind, Object condition) {
        if (value == null || value.isNull()) {
            return false;
        }
        String text = value.isString() ? value.stringValue() : value.toString();
        return switch (kind) {
            case "NORMAL" -> text.contains((String) condition);
            case "LIST" -> ((List<?>) condition).stream().map(String::valueOf).anyMatch(text::equals);
            default -> {
                Map<?, ?> range = (Map<?, ?>) condition;
                Predicate<String> atLeast = start -> value.isNumber()
                        ? new BigDecimal(text).compareTo(new BigDecimal(start)) >= 0 : text.compareTo(start) >= 0;
                Predicate<String> atMost = end -> value.isNumber()
                        ? new BigDecimal(text).compareTo(new BigDecimal(end)) <= 0 : text.compareTo(end) <= 0;
                yield (range.get("START") == null || atLeast.test((String) range.get("START")))
                        && (range.get("END") == null || atMost.test((String) range.get("END")));
            }
        };
    }

    private List<JsonNode> find(String menu, Map<String, Object> conditions) {
        Http.Reply reply = member.post(base + menu + "/filter/", conditions);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<JsonNode> records = new ArrayList<>();
        reply.data().forEach(item -> records.add(item.path("parameter")));
        return records;
    }

    private long count(String menu, Map<String, Object> conditions) {
        Http.Reply reply = member.post(base + menu + "/filter/count/", conditions);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().asLong();
    }

    private void bulk(String menu, List<Map<String, Object>> parameters) {
        Http.Reply reply = member.post(base + menu + "/maintenance/all/", parameters.stream()
                .map(p -> Map.of("type", "Register", "parameter", p)).toList());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private void write(String type, Map<String, Object> parameter) {
        Http.Reply reply = member.post(base + "device_list/maintenance/all/",
                List.of(Map.of("type", type, "parameter", parameter)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private static Map<String, Object> device(String host, String user, int port, String remarks) {
        Map<String, Object> device = new LinkedHashMap<>(Map.of("host_name", host, "connection_type", "ssh",
                "login_user", user, "port_no", port, "login_password", "s3cret"));
        if (remarks != null) {
            device.put("remarks", remarks);
        }
        return device;
    }
}
