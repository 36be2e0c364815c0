package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.UiClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A menu table's page without a browser: the filter, the sort, the page size and the page held by the URL and
 * kept by every link, what a bad search answers, the discarded records' modes, the record count in both
 * languages, and the history of a record and of the menu, for whom.
 */
class MenuTablePagesTest extends ApiTest {

    private static final Pattern HOST = Pattern.compile("<td data-column=\"host_name\">(host-\\d\\d)</td>");
    private static final Pattern NEXT = Pattern.compile("id=\"next-page\"[^>]*href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*id=\"next-page\"");

    private String org;
    private String table;
    private Http member;
    private UiClient owner;
    private UiClient viewer;

    @BeforeEach
    void devices() {
        TestWorkspace ws = newWorkspace("table");
        org = ws.org();
        member = ws.member();
        List<Map<String, Object>> devices = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Map<String, Object> device = new LinkedHashMap<>();
            device.put("host_name", String.format("host-%02d", i));
            device.put("connection_type", "ssh");
            device.put("protocol", i % 2 == 0 ? "ssh" : "telnet");
            device.put("login_user", i % 5 == 0 ? "kilo" : "lima");
            device.put("port_no", (i * 7) % 25 * 10);
            devices.add(device);
        }
        Http.Reply reply = member.post(ws.menus() + "device_list/maintenance/all/",
                devices.stream().map(p -> Map.of("type", "Register", "parameter", p)).toList());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        table = "/ui/ws/" + org + "/ws1/menu/device_list";
        owner = new UiClient(port);
        owner.logIn(org, "owner", "owner-pass");
        viewer = new UiClient(port);
        viewer.logIn(org, "watcher", "watcher-pass");
    }

    private static List<String> hosts(UiClient.Page page) {
        List<String> hosts = new ArrayList<>();
        Matcher matcher = HOST.matcher(page.body());
        while (matcher.find()) {
            hosts.add(matcher.group(1));
        }
        return hosts;
    }

    private static String link(UiClient.Page page, Pattern pattern) {
        Matcher matcher = pattern.matcher(page.body());
        assertThat(matcher.find()).as("a link in " + page).isTrue();
        String href = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        return href.replace("&amp;", "&");
    }

    private static String sortLink(UiClient.Page page, String column) {
        return link(page, Pattern.compile("id=\"sort-" + column + "\"[^>]*href=\"([^\"]+)\"()"));
    }

    private UiClient.Page ok(UiClient client, String path) {
        UiClient.Page page = client.get(path);
        assertThat(page.status()).as(path + ": " + page).isEqualTo(200);
        return page;
    }

    private static String count(UiClient.Page page) {
        Matcher matcher = Pattern.compile("<p id=\"count\"[^>]*>([^<]*)</p>").matcher(page.body());
        assertThat(matcher.find()).as("the count in " + page).isTrue();
        return matcher.group(1);
    }

    /** The port of each host as registered: (i * 7) % 25 * 10, all different. */
    private static int port(String host) {
        return Integer.parseInt(host.substring(5)) * 7 % 25 * 10;
    }

    @Test
    void filterSortPageSizeAndPageSurviveEveryLink() {
        UiClient.Page first = ok(owner, table + "?l%3Aprotocol=ssh&from%3Aport_no=30&to%3Aport_no=230&sort=port_no&dir=desc&size=20");
        // The even hosts (ssh) with ports from 30 to 230, by port descending.
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 25; i += 2) {
            String host = String.format("host-%02d", i);
            if (port(host) >= 30 && port(host) <= 230) {
                expected.add(host);
            }
        }
        expected.sort((a, b) -> port(b) - port(a));
        assertThat(count(first)).isEqualTo(expected.size() + " records");
        assertThat(hosts(first)).isEqualTo(expected);
        assertThat(first.body()).contains("aria-sort=\"descending\"").contains("<option value=\"ssh\" selected=\"selected\">ssh</option>");

        UiClient.Page all = ok(owner, table + "?sort=port_no&size=20");
        assertThat(hosts(all)).hasSize(20);
        String next = link(all, NEXT);
        assertThat(next).contains("sort=port_no").contains("size=20").contains("page=2");
        UiClient.Page second = ok(owner, next.substring(next.indexOf("/ui/")));
        assertThat(hosts(second)).hasSize(5);
        List<String> byPort = new ArrayList<>(hosts(all));
        byPort.addAll(hosts(second));
        assertThat(byPort).isSortedAccordingTo((a, b) -> port(a) - port(b)).doesNotHaveDuplicates();

        // A header's link keeps the filter and the size, starts at the first page and turns the direction.
        UiClient.Page filtered = ok(owner, table + "?q%3Alogin_user=kil&size=50&page=1");
        String byHost = sortLink(filtered, "host_name");
        assertThat(byHost).contains("q%3Alogin_user=kil").contains("size=50").contains("sort=host_name").contains("dir=asc")
                .doesNotContain("page=");
        UiClient.Page ascending = ok(owner, byHost.substring(byHost.indexOf("/ui/")));
        assertThat(hosts(ascending)).containsExactly("host-00", "host-05", "host-10", "host-15", "host-20");
        String again = sortLink(ascending, "host_name");
        assertThat(again).contains("dir=desc");
        assertThat(hosts(ok(owner, again.substring(again.indexOf("/ui/")))))
                .containsExactly("host-20", "host-15", "host-10", "host-05", "host-00");
        // The search form carries the sort and the size on.
        assertThat(ascending.body()).contains("name=\"sort\" value=\"host_name\"").contains("<option value=\"50\" selected=\"selected\">50</option>");
    }

    @Test
    void aBadSearchIsRefusedWithAMessageAndNoRecords() {
        UiClient.Page size = owner.get(table + "?size=30");
        assertThat(size.status()).isEqualTo(400);
        assertThat(size.body()).contains("A page holds 20, 50 or 100 rows, not 30.");
        assertThat(hosts(size)).isEmpty();
        UiClient.Page ja = owner.get(table + "?size=1000&lang=ja");
        assertThat(ja.status()).isEqualTo(400);
        assertThat(ja.body()).contains("表示件数は 20、50、100 のいずれかです (1000 は指定できません)。");
        UiClient.Page number = owner.get(table + "?from%3Aport_no=abc");
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.body()).contains("The search could not be run: Invalid search condition: RANGE of a number takes numbers");
        UiClient.Page sort = owner.get(table + "?sort=login_password");
        assertThat(sort.status()).isEqualTo(400);
        assertThat(sort.body()).contains("This column cannot be sorted: login_password");
        UiClient.Page discarded = owner.get(table + "?discarded=maybe");
        assertThat(discarded.status()).isEqualTo(400);
        assertThat(discarded.body()).contains("not maybe");
        // A parameter the table does not know is left out of its links.
        UiClient.Page unknown = ok(owner, table + "?q%3Anope=x&other=y&size=50");
        assertThat(sortLink(unknown, "host_name")).doesNotContain("nope").doesNotContain("other");
    }

    @Test
    void discardedRecordsAreShownHiddenOrAlone() {
        for (String host : List.of("host-03", "host-04")) {
            JsonNode record = member.post("/api/" + org + "/workspaces/ws1/ita/menu/device_list/filter/",
                    Map.of("host_name", Map.of("LIST", List.of(host)))).data().get(0).path("parameter");
            Http.Reply discarded = member.post("/api/" + org + "/workspaces/ws1/ita/menu/device_list/maintenance/all/",
                    List.of(Map.of("type", "Discard", "parameter", Map.of("uuid", record.path("uuid").asString(),
                            "last_update_date_time", record.path("last_update_date_time").asString()))));
            assertThat(discarded.status()).as(discarded.toString()).isEqualTo(200);
        }
        assertThat(count(ok(owner, table))).isEqualTo("25 records");
        assertThat(count(ok(owner, table + "?discarded=all"))).isEqualTo("25 records");
        UiClient.Page hidden = ok(owner, table + "?discarded=hidden&size=50");
        assertThat(count(hidden)).isEqualTo("23 records");
        assertThat(hosts(hidden)).doesNotContain("host-03", "host-04");
        UiClient.Page only = ok(owner, table + "?discarded=only");
        assertThat(count(only)).isEqualTo("2 records");
        assertThat(hosts(only)).containsExactlyInAnyOrder("host-03", "host-04");
        assertThat(sortLink(only, "port_no")).contains("discarded=only");
    }

    @Test
    void aReferenceIsFilteredByAPulldownOfTheReferencedValues() {
        String api = "/api/" + org + "/workspaces/ws1/ita/menu/";
        for (Map.Entry<String, Map<String, Object>> record : Map.<String, Map<String, Object>>of(
                "operation_list", Map.of("operation_name", "op1"),
                "movement_list_ansible_legacy", Map.of("movement_name", "mv1")).entrySet()) {
            assertThat(member.post(api + record.getKey() + "/maintenance/", Map.of("parameter", record.getValue())).status())
                    .isEqualTo(200);
        }
        for (String host : List.of("host-02", "host-01")) {
            Http.Reply reply = member.post(api + "target_host_ansible_legacy/maintenance/",
                    Map.of("parameter", Map.of("operation", "op1", "movement", "mv1", "host", host)));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }
        String targets = "/ui/ws/" + org + "/ws1/menu/target_host_ansible_legacy";
        UiClient.Page page = ok(owner, targets + "?sort=host");
        String pulldown = page.body().substring(page.body().indexOf("id=\"l-host\""));
        pulldown = pulldown.substring(0, pulldown.indexOf("</select>"));
        assertThat(pulldown).contains("<option value=\"host-00\">host-00</option>", "<option value=\"host-24\">host-24</option>");
        assertThat(pulldown.indexOf("host-00")).isLessThan(pulldown.indexOf("host-24"));
        assertThat(page.body().indexOf(">host-01</td>")).isPositive().isLessThan(page.body().indexOf(">host-02</td>"));
        UiClient.Page one = ok(owner, targets + "?l%3Ahost=host-02");
        assertThat(count(one)).isEqualTo("1 record");
        assertThat(one.body()).contains("<option value=\"host-02\" selected=\"selected\">host-02</option>");
    }

    @Test
    void theCountSaysRecordOrRecordsAndKenInJapanese() {
        assertThat(count(ok(owner, table + "?q%3Ahost_name=nothing"))).isEqualTo("0 records");
        assertThat(count(ok(owner, table + "?q%3Ahost_name=host-01"))).isEqualTo("1 record");
        // host-00 (port 0) and host-04 (port 30).
        assertThat(count(ok(owner, table + "?q%3Ahost_name=host-0&to%3Aport_no=30"))).isEqualTo("2 records");
        assertThat(count(ok(owner, table + "?q%3Ahost_name=host-01&lang=ja"))).isEqualTo("1 件");
        assertThat(count(ok(owner, table + "?lang=ja"))).isEqualTo("25 件");
    }

    @Test
    void aRecordEditedTwiceShowsWhoChangedWhatWhen() {
        String api = "/api/" + org + "/workspaces/ws1/ita/menu/device_list/";
        String uuid = null;
        for (String user : List.of("first-edit", "second-edit")) {
            JsonNode record = member.post(api + "filter/", Map.of("host_name", Map.of("LIST", List.of("host-07"))))
                    .data().get(0).path("parameter");
            uuid = record.path("uuid").asString();
            Http.Reply updated = member.patch(api + "maintenance/" + uuid, Map.of("parameter", Map.of("login_user", user,
                    "last_update_date_time", record.path("last_update_date_time").asString())));
            assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        }
        UiClient.Page page = ok(owner, table + "?q%3Ahost_name=host-07");
        String history = table + "/" + uuid + "/history";
        assertThat(page.body()).contains("href=\"" + history + "\"");

        UiClient.Page journal = ok(owner, history);
        assertThat(count(journal)).isEqualTo("3 changes");
        String body = journal.body();
        assertThat(body).contains("<del>first-edit</del> →").contains("<ins>second-edit</ins>")
                .contains("<del>lima</del> →").contains("<ins>first-edit</ins>")
                .contains("<ins>host-07</ins>").contains("<td class=\"who\">owner</td>");
        // Newest first: the second edit, the first, the registration.
        assertThat(body.indexOf("<ins>second-edit</ins>")).isLessThan(body.indexOf("<ins>first-edit</ins>"));
        assertThat(body.indexOf("<ins>first-edit</ins>")).isLessThan(body.indexOf("<ins>host-07</ins>"));
        assertThat(body).containsPattern("<td class=\"when\">\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d</td>");
        assertThat(ok(owner, history + "?lang=ja").body()).contains("レコード " + uuid + " の履歴").contains("3 件の変更")
                .contains("<td class=\"action\">更新</td>");

        // The menu's history: newest first, paged by 20, each change linking to its record's history.
        UiClient.Page menuHistory = ok(owner, table + "/history");
        assertThat(count(menuHistory)).isEqualTo("27 changes");
        assertThat(menuHistory.body().indexOf("<ins>second-edit</ins>")).isPositive()
                .isLessThan(menuHistory.body().indexOf("<ins>first-edit</ins>"));
        assertThat(menuHistory.body()).contains("href=\"" + history + "\"").contains("Page 1 of 2");
        UiClient.Page last = ok(owner, table + "/history?page=2");
        assertThat(last.body().split("class=\"change\"", -1)).hasSize(8);
        assertThat(ok(owner, table + "/history?page=99").body()).contains("aria-current=\"page\">2</a>");
    }

    @Test
    void aViewerReadsTheHistoryAndAnotherOrganizationNothing() {
        String uuid = member.post("/api/" + org + "/workspaces/ws1/ita/menu/device_list/filter/",
                Map.of("host_name", Map.of("LIST", List.of("host-01")))).data().get(0).path("parameter").path("uuid").asString();
        UiClient.Page tablePage = ok(viewer, table + "?sort=host_name");
        assertThat(tablePage.body()).contains(table + "/" + uuid + "/history").doesNotContain("class=\"edit\"")
                .doesNotContain("/discard\"");
        UiClient.Page journal = ok(viewer, table + "/" + uuid + "/history");
        assertThat(journal.body()).contains("id=\"read-only\"").contains("<ins>host-01</ins>")
                .doesNotContain("method=\"post\" class=\"inline\"");
        assertThat(ok(viewer, table + "/history").body()).contains("25 changes");

        String other = unique("table-other");
        createOrganization(other, "stranger", "stranger-pass");
        UiClient stranger = new UiClient(port);
        stranger.logIn(other, "stranger", "stranger-pass");
        for (String path : List.of(table, table + "/history", table + "/" + uuid + "/history")) {
            UiClient.Page refused = stranger.get(path);
            assertThat(refused.status()).as(path).isIn(403, 404);
            assertThat(refused.body()).as(path).doesNotContain("host-01");
        }
        UiClient anonymous = new UiClient(port);
        for (String path : List.of(table + "/history", table + "/" + uuid + "/history")) {
            UiClient.Page refused = anonymous.get(path);
            assertThat(refused.status()).as(path).isEqualTo(302);
            assertThat(refused.location()).endsWith("/login");
        }
    }
}
