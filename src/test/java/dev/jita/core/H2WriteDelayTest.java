package dev.jita.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.DatabaseIndependent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** An H2 URL configured without WRITE_DELAY=0 still gets every commit written before it returns. */
@DatabaseIndependent
class H2WriteDelayTest {

    @Test
    void anH2UrlWithoutWriteDelayZeroIsMadeDurable(@TempDir Path directory) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                "jdbc:h2:file:" + directory.resolve("custom") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "", true);
        try {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            assertThat(writeDelays(jdbc)).as("H2's own default").contains("500");

            H2WriteDelay.writeEveryCommitBeforeItReturns(dataSource);

            assertThat(writeDelays(jdbc)).isNotEmpty().containsOnly("0");
        } finally {
            dataSource.destroy();
        }
    }

    /** The value in force, and the one an earlier SET WRITE_DELAY stored, if any. */
    private static List<String> writeDelays(JdbcClient jdbc) {
        return jdbc.sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")
                .query(String.class).list();
    }
}
