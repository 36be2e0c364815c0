package dev.jita.backyard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The database's connections cut under a running node, then the database unreachable for a while: the node
 * answers 503 in the envelope meanwhile (never a 500 carrying SQL), starts no job while it cannot read the
 * modes, and recovers by itself once the database is back. PostgreSQL terminates the backends and refuses new
 * connections; MariaDB kills the connections' threads and locks the node's account; H2 is served over TCP by a
 * server the test stops and starts again.
 */
@TestPropertySource(properties = {"spring.datasource.hikari.connection-timeout=2000",
        "spring.datasource.hikari.validation-timeout=1000", "jita.backyard.sweep-interval=1h"})
class DatabaseOutageTest extends EngineTestSupport {

    private static final Outage OUTAGE = Outage.forKind(TestDatabase.KIND);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        OUTAGE.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @AfterAll
    static void databaseBack() throws Exception {
        OUTAGE.end();
        OUTAGE.close();
    }

    @Test
    void theNodeAnswers503StartsNothingAndRecoversByItself() throws Exception {
        String org = organization("ws1");
        TestHandler handler = new TestHandler(Backyard.ANSIBLE_EXECUTE, 5);
        setModes("1", "0");
        List<String> ids = register(Backyard.ANSIBLE_EXECUTE, org, "ws1", 2);
        engine(properties(2, Duration.ofMillis(200), Duration.ofSeconds(30)), handler).start();

        // Connections cut once: the pool replaces them; no answer in between is a 500.
        OUTAGE.cut();
        await("answers again after the cut", Duration.ofSeconds(30), () -> answeredOrUnavailable(admin().get(MODES)) == 200);

        OUTAGE.begin();
        try {
            await("503 while the database cannot be reached", Duration.ofSeconds(30),
                    () -> answeredOrUnavailable(admin().get(MODES)) == 503);
            assertUnavailable(admin().get(MODES));
            assertUnavailable(admin().patch(MODES, Map.of("backyard_execute_stop", "0", "data_update_stop", "0")));
            assertUnavailable(admin().get("/api/" + org + "/workspaces/ws1/ita/menu/"));
        } finally {
            OUTAGE.end();
        }

        await("answers again once the database is back", Duration.ofSeconds(30),
                () -> answeredOrUnavailable(admin().get(MODES)) == 200);
        Http.Reply modes = admin().get(MODES);
        assertThat(modes.data().path("backyard_execute_stop").asString()).as(modes.toString()).isEqualTo("1");
        for (String id : ids) {
            assertThat(item(id).phase()).as("item %s while Stop server side jobs is ON", id).isEqualTo("W");
        }
        assertThat(handler.started()).as("jobs started").isZero();

        setModes("0", "0");
        await("the items run once the mode is OFF", Duration.ofSeconds(30),
                () -> ids.stream().allMatch(id -> item(id).phase().equals("E")));
        assertThat(handler.started()).isEqualTo(2);
    }

    /** Only 200 and 503 are acceptable answers around an outage; anything else fails the test at once. */
    private static int answeredOrUnavailable(Http.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isIn(200, 503);
        return reply.status();
    }

    private static void assertUnavailable(Http.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
        assertThat(reply.result()).isEqualTo("503-00003");
        assertThat(reply.header("Retry-After")).isNotBlank();
        assertThat(reply.json().path("message").asString()).contains("database cannot be reached");
        assertThat(reply.body().toLowerCase()).doesNotContain("sql").doesNotContain("jdbc").doesNotContain("exception");
    }

    /** One way per database to cut connections and to make the database unreachable for a while. */
    private interface Outage extends AutoCloseable {

        Map<String, String> properties();

        /** Ends every connection of the node, which may connect again at once. */
        void cut() throws Exception;

        /** No connection until {@link #end()}; the existing ones are cut. */
        void begin() throws Exception;

        void end() throws Exception;

        @Override
        default void close() throws Exception {
        }

        static Outage forKind(String kind) {
            return switch (kind) {
                case "postgres" -> new Postgres();
                case "mariadb" -> new MariaDb();
                default -> new H2OverTcp();
            };
        }
    }

    private static final class Postgres implements Outage {

        private final Map<String, String> database = TestDatabase.fresh();
        private final String name = database.get("spring.datasource.url").replaceAll("^.*/", "");
        private final String admin = database.get("spring.datasource.url").replaceAll("/[^/]*$", "/postgres");

        @Override
        public Map<String, String> properties() {
            return Map.of("spring.datasource.hikari.jdbc-url", database.get("spring.datasource.url"));
        }

        @Override
        public void cut() throws SQLException {
            sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
                    + "' AND pid <> pg_backend_pid()");
        }

        @Override
        public void begin() throws SQLException {
            sql("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            cut();
        }

        @Override
        public void end() throws SQLException {
            sql("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
        }

        private void sql(String statement) throws SQLException {
            try (Connection connection = DriverManager.getConnection(admin, database.get("spring.datasource.username"), "");
                 Statement s = connection.createStatement()) {
                s.execute(statement);
            }
        }
    }

    /** The node connects as a user of its own, whose account the outage locks (never the administrator's). */
    private static final class MariaDb implements Outage {

        private final Map<String, String> database = TestDatabase.fresh();
        private final String name = database.get("spring.datasource.url").replaceAll("^.*/", "");
        private final String user = "jita_outage_" + ThreadLocalRandom.current().nextInt(1_000_000);
        private final String password = "outage-" + ThreadLocalRandom.current().nextInt(1_000_000);

        MariaDb() {
            try {
                sql("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
                sql("GRANT ALL PRIVILEGES ON " + name + ".* TO '" + user + "'@'%'");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Map<String, String> properties() {
            return Map.of("spring.datasource.hikari.jdbc-url", database.get("spring.datasource.url"),
                    "spring.datasource.hikari.username", user, "spring.datasource.hikari.password", password);
        }

        @Override
        public void cut() throws SQLException {
            List<Long> threads = new ArrayList<>();
            try (Connection connection = admin();
                 PreparedStatement s = connection.prepareStatement("SELECT id FROM information_schema.PROCESSLIST "
                         + "WHERE user = ? AND id <> CONNECTION_ID()")) {
                s.setString(1, user);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        threads.add(rows.getLong(1));
                    }
                }
                for (long thread : threads) {
                    try (Statement kill = connection.createStatement()) {
                        kill.execute("KILL " + thread);
                    } catch (SQLException gone) {
                        // The thread ended by itself meanwhile.
                    }
                }
            }
        }

        @Override
        public void begin() throws SQLException {
            sql("ALTER USER '" + user + "'@'%' ACCOUNT LOCK");
            cut();
        }

        @Override
        public void end() throws SQLException {
            sql("ALTER USER '" + user + "'@'%' ACCOUNT UNLOCK");
        }

        @Override
        public void close() throws SQLException {
            sql("DROP USER IF EXISTS '" + user + "'@'%'");
        }

        private Connection admin() throws SQLException {
            return DriverManager.getConnection(database.get("spring.datasource.url"), database.get("spring.datasource.username"), "");
        }

        private void sql(String statement) throws SQLException {
            try (Connection connection = admin(); Statement s = connection.createStatement()) {
                s.execute(statement);
            }
        }
    }

    /** The embedded database served over TCP: stopping the server cuts every connection and refuses new ones. */
    private static final class H2OverTcp implements Outage {

        private final String directory;
        private final int port;
        private Server server;

        H2OverTcp() {
            try {
                directory = Files.createTempDirectory("jita-h2-tcp-").toString();
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
                start();
            } catch (IOException | SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private void start() throws SQLException {
            server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", directory, "-ifNotExists").start();
        }

        @Override
        public Map<String, String> properties() {
            return Map.of("spring.datasource.hikari.jdbc-url",
                    "jdbc:h2:tcp://127.0.0.1:" + port + "/jita;LOCK_TIMEOUT=10000");
        }

        @Override
        public void cut() throws SQLException {
            server.stop();
            start();
        }

        @Override
        public void begin() {
            server.stop();
        }

        @Override
        public void end() throws SQLException {
            if (!server.isRunning(false)) {
                start();
            }
        }

        @Override
        public void close() {
            server.stop();
        }
    }
}
