package dev.jita.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the API tests: a real server on a random port, on the database chosen for this run. Every test
 * starts with both maintenance modes OFF and makes its own organizations, so tests never depend on each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jita.admin.username=" + ApiTest.ADMIN,
        "jita.admin.password=" + ApiTest.ADMIN_PASSWORD,
        "jita.security.bcrypt-strength=4",
        // The fewest allowed: a test JVM compiles with C1 only, where 600,000 rounds of SHA-256 take seconds.
        "jita.menu-export-import.passphrase-iterations=1000",
        // Dozens of test servers stay cached in each test JVM: each keeps only the connections it uses, briefly
        // (none once idle), so that together they stay under PostgreSQL's max_connections.
        "spring.datasource.hikari.minimum-idle=0",
        "spring.datasource.hikari.idle-timeout=10000",
        // Wrong passwords of the one administrator come from many test classes and must stay plain 401s here;
        // the throttle has tests of its own (LoginThrottleTest).
        "jita.security.free-attempts=1000",
        "jita.logging.sync-interval=1s",
        "jita.backyard.heartbeat-interval=300ms",
        "jita.backyard.dead-after=3s",
        "jita.backyard.sweep-interval=300ms",
        // Every test server sends the conductor notices of the shared database alike: short waits, bounded tries.
        "jita.conductor.notice-timeout=2s", "jita.conductor.notice-backoff=200ms",
        "jita.conductor.notice-poll-interval=200ms",
        // Tests read English messages unless they ask for Japanese; a real install answers in ja (LanguageTest).
        "jita.default-language=en",
        // Test servers share one database; only those that test a backyard's job run it (on a database of their own).
        "jita.ansible.enabled=false", "jita.terraform-cli.enabled=false",
        "jita.terraform-cloud-ep.enabled=false", "jita.conductor.enabled=false", "jita.menu-create.enabled=false",
        "jita.menu-export-import.enabled=false", "jita.excel-export-import.enabled=false"})
public abstract class ApiTest {

    public static final String ADMIN = "administrator";
    public static final String ADMIN_PASSWORD = "admin-Passw0rd";
    public static final String MODES = "/api/platform/maintenance-mode-setting";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.shared().forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeEach
    void bothModesOff() {
        setModes("0", "0");
    }

    protected Http http() {
        return new Http(port);
    }

    protected Http admin() {
        return http().as(ADMIN, ADMIN_PASSWORD);
    }

    /** A new id no other test uses, e.g. {@code org-12-4711}. */
    protected static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + "-" + (System.nanoTime() % 100000);
    }

    protected void setModes(String backyardExecuteStop, String dataUpdateStop) {
        Http.Reply reply = admin().patch(MODES,
                Map.of("backyard_execute_stop", backyardExecuteStop, "data_update_stop", dataUpdateStop));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    /** Creates an organization whose one manager is {@code manager} with password {@code password}. */
    protected void createOrganization(String id, String manager, String password) {
        Http.Reply reply = admin().post("/api/platform/organizations", organizationBody(id, manager, password));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    protected static Map<String, Object> organizationBody(String id, String manager, String password) {
        return Map.of("id", id, "name", id + "-name",
                "organization_managers", List.of(Map.of(
                        "username", manager, "email", manager + "@example.com",
                        "firstName", manager, "lastName", manager,
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", true)),
                        "requiredActions", List.of("UPDATE_PROFILE"), "enabled", true)),
                "options", Map.of(), "optionsIta", Map.of());
    }

    protected void createWorkspace(Http manager, String organizationId, String workspaceId) {
        Http.Reply reply = manager.post("/api/" + organizationId + "/platform/workspaces",
                Map.of("id", workspaceId, "name", workspaceId + " name", "informations", Map.of("description", "d")));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    /**
     * A new organization (its id starting with {@code prefix}) with workspace ws1, its manager "owner" (a member of
     * ws1) and "watcher", a viewer of ws1.
     *
     * @param menus {@code /api/{org}/workspaces/ws1/ita/menu/}
     */
    protected record TestWorkspace(String org, Http member, Http viewer, String menus) {
    }

    protected TestWorkspace newWorkspace(String prefix) {
        String org = unique(prefix);
        createOrganization(org, "owner", "owner-pass");
        Http member = http().as("owner", "owner-pass");
        createWorkspace(member, org, "ws1");
        createUser(member, org, "watcher", "watcher-pass", "ws1", "viewer");
        return new TestWorkspace(org, member, http().as("watcher", "watcher-pass"),
                "/api/" + org + "/workspaces/ws1/ita/menu/");
    }

    protected void createUser(Http manager, String organizationId, String username, String password,
                              String workspaceId, String role) {
        Http.Reply reply = manager.post("/api/" + organizationId + "/platform/users", Map.of(
                "username", username, "password", password,
                "workspaces", List.of(Map.of("id", workspaceId, "role", role))));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    /** The envelope of an error: the result code, a message, a ts, null data, and nothing internal. */
    protected static void assertError(Http.Reply reply, int status, String result) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.result()).as(reply.toString()).isEqualTo(result);
        assertThat(reply.json().path("message").asString()).isNotBlank();
        assertThat(reply.json().path("ts").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(reply.json().has("data")).isTrue();
        assertThat(reply.body()).doesNotContainIgnoringCase("exception").doesNotContain("SELECT ")
                .doesNotContain("\tat ");
    }
}
