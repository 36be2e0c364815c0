package dev.jita.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.DatabaseIndependent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs are stopped by interrupting their threads, which may be committing at that moment. On the embedded
 * database as jita ships it, that must cost the job its commit at most, never the database: a plain H2 file
 * channel closes when its thread is interrupted, and H2 then closes the whole database.
 */
@DatabaseIndependent
class EmbeddedDatabaseInterruptTest {

    @Test
    void interruptingWritersLeavesTheShippedDatabaseOpen(@TempDir Path directory) throws Exception {
        String url = shippedUrl().replace("${jita.data-dir}", directory.toString());
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE item (id INT)");
            for (int round = 0; round < 30; round++) {
                Thread writer = new Thread(() -> {
                    try (Connection own = DriverManager.getConnection(url, "sa", "");
                         Statement insert = own.createStatement()) {
                        // Bounded, in case an interrupt goes unnoticed.
                        for (int i = 0; i < 5_000 && !Thread.currentThread().isInterrupted(); i++) {
                            insert.execute("INSERT INTO item (id) VALUES (" + i + ")");
                        }
                    } catch (SQLException e) {
                        // The interrupted commit may fail; the database must not.
                    }
                });
                writer.start();
                Thread.sleep(20);
                writer.interrupt();
                writer.join(60_000);
                assertThat(writer.isAlive()).isFalse();
            }
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM item")) {
                assertThat(count.next()).isTrue();
                assertThat(count.getInt(1)).isPositive();
            }
            statement.execute("INSERT INTO item (id) VALUES (0)");
        }
    }

    private static String shippedUrl() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedDatabaseInterruptTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties.getProperty("spring.datasource.url");
    }
}
