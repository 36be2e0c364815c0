package dev.jita.core;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An H2 file database writes committed changes to its file in the background, up to WRITE_DELAY (500 ms unless
 * the URL says otherwise) after the commit: a process killed in between loses changes it had already
 * acknowledged. With WRITE_DELAY 0 each commit writes its changes to the file before it returns. jita's
 * default URL says so; this makes sure of it whatever H2 URL is configured, before anything is written.
 */
final class H2WriteDelay {

    private static final Logger log = LoggerFactory.getLogger(H2WriteDelay.class);

    private H2WriteDelay() {
    }

    static void writeEveryCommitBeforeItReturns(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // The value in force, and the one an earlier SET WRITE_DELAY stored, if any.
            List<String> delays = new ArrayList<>();
            try (ResultSet setting = statement.executeQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                while (setting.next()) {
                    delays.add(setting.getString(1));
                }
            }
            if (delays.stream().anyMatch(delay -> !delay.equals("0"))) {
                statement.execute("SET WRITE_DELAY 0");
                log.info("H2 WRITE_DELAY was {} ms; set to 0 so that every acknowledged commit is in the file", delays);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot make H2 write every commit before it returns; add "
                    + ";WRITE_DELAY=0 to spring.datasource.url and connect as an H2 administrator", e);
        }
    }
}
