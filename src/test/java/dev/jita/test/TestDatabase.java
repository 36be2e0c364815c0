package dev.jita.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database the suite runs on, chosen with {@code -Djita.test.db=h2|postgres|mariadb}. PostgreSQL and
 * MariaDB get a new database for every run (dropped at the end), so runs never see each other's data.
 */
public final class TestDatabase {

    public static final String KIND = System.getProperty("jita.test.db", "h2").toLowerCase(Locale.ROOT);

    private static final String POSTGRES_ADMIN_URL =
            System.getProperty("jita.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String POSTGRES_USER = System.getProperty("jita.test.postgres.user", "postgres");
    private static final String MARIADB_ADMIN_URL =
            System.getProperty("jita.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test");
    private static final String MARIADB_USER = System.getProperty("jita.test.mariadb.user", "root");

    private static Map<String, String> shared;

    private TestDatabase() {
    }

    /** Spring properties of the database shared by the whole run. */
    public static synchronized Map<String, String> shared() {
        if (shared == null) {
            shared = fresh();
        }
        return shared;
    }

    /** Spring properties of a new, empty database of the kind under test. */
    public static Map<String, String> fresh() {
        Map<String, String> properties = new LinkedHashMap<>();
        String name = "jita_t" + System.currentTimeMillis() + "_" + ThreadLocalRandom.current().nextInt(1_000_000);
        switch (KIND) {
            case "h2" -> properties.put("jita.data-dir", tempDir().toString());
            case "postgres" -> {
                admin(POSTGRES_ADMIN_URL, POSTGRES_USER, "CREATE DATABASE " + name);
                dropAtExit(POSTGRES_ADMIN_URL, POSTGRES_USER, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                properties.put("spring.datasource.url", POSTGRES_ADMIN_URL.replaceAll("/[^/]*$", "/" + name));
                properties.put("spring.datasource.username", POSTGRES_USER);
                properties.put("spring.datasource.password", "");
            }
            case "mariadb" -> {
                admin(MARIADB_ADMIN_URL, MARIADB_USER, "CREATE DATABASE " + name);
                dropAtExit(MARIADB_ADMIN_URL, MARIADB_USER, "DROP DATABASE IF EXISTS " + name);
                properties.put("spring.datasource.url", MARIADB_ADMIN_URL.replaceAll("/[^/]*$", "/" + name));
                properties.put("spring.datasource.username", MARIADB_USER);
                properties.put("spring.datasource.password", "");
            }
            default -> throw new IllegalStateException("jita.test.db must be h2, postgres or mariadb, not " + KIND);
        }
        return properties;
    }

    /**
     * Gives one test server a database of its own, for servers whose engine or settings would disturb the
     * others sharing {@link #shared()}. ApiTest registers the shared properties after this, so the pool's own
     * URL property is used.
     */
    public static void useOwn(DynamicPropertyRegistry registry) {
        useOwn(registry, false);
    }

    /**
     * As {@link #useOwn(DynamicPropertyRegistry)}; with {@code otherProcesses}, an H2 database is opened in H2's
     * automatic mixed mode, so that node processes the test starts can share it.
     */
    public static void useOwn(DynamicPropertyRegistry registry, boolean otherProcesses) {
        Map<String, String> database = fresh();
        String url = database.containsKey("spring.datasource.url") ? database.get("spring.datasource.url")
                : "jdbc:h2:async:" + database.get("jita.data-dir") + "/jita;LOCK_TIMEOUT=10000"
                + (otherProcesses ? ";AUTO_SERVER=TRUE" : ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        registry.add("spring.datasource.hikari.jdbc-url", () -> url);
    }

    /**
     * The command-line arguments that start another jita (a node process, or a second server in the test's
     * JVM) on the database of the test server whose environment this is: any port, no banner, a small pool.
     */
    public static List<String> sameDatabase(Environment environment) {
        String url = environment.getProperty("spring.datasource.hikari.jdbc-url");
        return List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + url, "--spring.datasource.hikari.jdbc-url=" + url,
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--spring.datasource.hikari.maximum-pool-size=5");
    }

    /**
     * An SQL expression of the database's own clock, now, as a zone-less UTC timestamp like those jita stores:
     * for tests that order events by one clock however many processes stamp them.
     */
    public static String utcNowSql() {
        return switch (KIND) {
            case "postgres" -> "CAST(clock_timestamp() AT TIME ZONE 'UTC' AS TIMESTAMP(6))";
            case "mariadb" -> "UTC_TIMESTAMP(6)";
            default -> "CAST(CURRENT_TIMESTAMP(6) AT TIME ZONE 'UTC' AS TIMESTAMP(6))";
        };
    }

    /** The column type of a timestamp with microseconds on the database under test. */
    public static String timestampType() {
        return "mariadb".equals(KIND) ? "DATETIME(6)" : "TIMESTAMP(6)";
    }

    /** One connection (auto-commit) to a database of {@link #fresh()}, for a test that reads it directly. */
    public static SingleConnectionDataSource connect(Map<String, String> database) {
        return new SingleConnectionDataSource(database.get("spring.datasource.url"),
                database.get("spring.datasource.username"), database.get("spring.datasource.password"), true);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("jita-h2-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void admin(String url, String user, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the " + KIND + " test database at " + url
                    + " (is the server running?): " + e.getMessage(), e);
        }
    }

    private static void dropAtExit(String url, String user, String sql) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                admin(url, user, sql);
            } catch (IllegalStateException ignored) {
                // The run is over; a database left behind is harmless and has a unique name.
            }
        }));
    }
}
