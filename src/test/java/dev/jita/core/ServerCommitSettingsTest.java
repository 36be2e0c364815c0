package dev.jita.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Each database kind keeps an acknowledged commit: H2 as jita ships it writes every commit before it returns;
 * a server set up to lose commits in a crash is named at start, one with the defaults is not.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServerCommitSettingsTest {

    private static final String WARNING = "a crash of the database server or its machine may lose commits";

    @Test
    void aDatabaseThatMayLoseAcknowledgedCommitsIsNamed(CapturedOutput output) throws IOException {
        Map<String, String> database = TestDatabase.fresh();
        switch (TestDatabase.KIND) {
            case "h2" -> {
                String url = shippedUrl().replace("${jita.data-dir}", database.get("jita.data-dir"));
                SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
                try {
                    assertThat(JdbcClient.create(dataSource).sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                            + "WHERE SETTING_NAME = 'WRITE_DELAY'").query(String.class).list()).containsOnly("0");
                } finally {
                    dataSource.destroy();
                }
            }
            case "postgres" -> {
                check(database);
                assertThat(output.getOut()).doesNotContain(WARNING);
                execute(database, "ALTER DATABASE " + name(database) + " SET synchronous_commit = off");
                check(database);
                assertThat(output.getOut()).contains("synchronous_commit = off: " + WARNING);
            }
            case "mariadb" -> {
                check(database);
                assertThat(output.getOut()).doesNotContain(WARNING);
                // A global setting: put back at once; the other tests' servers do not depend on it.
                execute(database, "SET GLOBAL innodb_flush_log_at_trx_commit = 2");
                try {
                    check(database);
                } finally {
                    execute(database, "SET GLOBAL innodb_flush_log_at_trx_commit = 1");
                }
                assertThat(output.getOut()).contains("innodb_flush_log_at_trx_commit = 2: " + WARNING);
            }
            default -> throw new IllegalStateException(TestDatabase.KIND);
        }
    }

    /** The H2 URL of application.properties, which a new user runs with. */
    private static String shippedUrl() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ServerCommitSettingsTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties.getProperty("spring.datasource.url");
    }

    private static String name(Map<String, String> database) {
        String url = database.get("spring.datasource.url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static void execute(Map<String, String> database, String sql) {
        SingleConnectionDataSource dataSource = dataSource(database);
        try {
            JdbcClient.create(dataSource).sql(sql).update();
        } finally {
            dataSource.destroy();
        }
    }

    private static void check(Map<String, String> database) {
        SingleConnectionDataSource dataSource = dataSource(database);
        try {
            ServerCommitSettings.warnWhenCommitsMayBeLost(dataSource, Dialect.of(dataSource));
        } finally {
            dataSource.destroy();
        }
    }

    private static SingleConnectionDataSource dataSource(Map<String, String> database) {
        return new SingleConnectionDataSource(database.get("spring.datasource.url"),
                database.get("spring.datasource.username"), database.get("spring.datasource.password"), true);
    }
}
