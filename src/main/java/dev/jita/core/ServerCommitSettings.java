package dev.jita.core;

import java.util.function.Predicate;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL and MariaDB make every commit durable by their defaults; a database administrator may trade that
 * for speed. jita leaves that choice to them, but says at start when a crash of the database server or its
 * machine could lose commits that jita has already answered 200 for.
 */
final class ServerCommitSettings {

    private static final Logger log = LoggerFactory.getLogger(ServerCommitSettings.class);

    private ServerCommitSettings() {
    }

    static void warnWhenCommitsMayBeLost(DataSource dataSource, Dialect dialect) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        switch (dialect) {
            case POSTGRESQL -> {
                warnUnless(jdbc, "SHOW synchronous_commit", "synchronous_commit", value -> !value.equals("off"));
                warnUnless(jdbc, "SHOW fsync", "fsync", value -> value.equals("on"));
            }
            case MARIADB -> warnUnless(jdbc, "SELECT @@GLOBAL.innodb_flush_log_at_trx_commit",
                    "innodb_flush_log_at_trx_commit", value -> value.equals("1"));
            case H2 -> {
            }
        }
    }

    private static void warnUnless(JdbcClient jdbc, String query, String setting, Predicate<String> durable) {
        String value = jdbc.sql(query).query(String.class).single();
        if (!durable.test(value)) {
            log.warn("The database runs with {} = {}: a crash of the database server or its machine may lose "
                    + "commits that jita has already acknowledged (see docs/security.md, section 3)", setting, value);
        }
    }
}
