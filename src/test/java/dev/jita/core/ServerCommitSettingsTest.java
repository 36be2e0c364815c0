package dev.jita.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** A database server set up to lose commits in a crash is named at start; one with the defaults is not. */
@ExtendWith(OutputCaptureExtension.class)
class ServerCommitSettingsTest {

    private static final String WARNING = "a crash of the database server or its machine may lose commits";

    @Test
    void theTestServersRunWithDurableCommits(CapturedOutput output) {
        Assumptions.assumeFalse(TestDatabase.KIND.equals("h2"), "a database server's settings");
        check(TestDatabase.fresh());
        assertThat(output.getOut()).doesNotContain(WARNING);
    }

    @Test
    void postgresqlWithoutSynchronousCommitIsNamed(CapturedOutput output) {
        Assumptions.assumeTrue(TestDatabase.KIND.equals("postgres"), "a per-database setting of PostgreSQL");
        Map<String, String> database = TestDatabase.fresh();
        SingleConnectionDataSource dataSource = dataSource(database);
        try {
            String name = JdbcClient.create(dataSource).sql("SELECT current_database()").query(String.class).single();
            JdbcClient.create(dataSource).sql("ALTER DATABASE " + name + " SET synchronous_commit = off").update();
        } finally {
            dataSource.destroy();
        }
        check(database);
        assertThat(output.getOut()).contains("synchronous_commit = off: " + WARNING);
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
