package dev.jita.menu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.core.Dialect;
import dev.jita.test.TestDatabase;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Records written with jita's former column names are read under Exastro's after V14. */
class ExastroColumnNamesMigrationTest {

    private static final String NOW = "2026-01-01 00:00:00";

    @Test
    void recordsJournalsAndUniqueKeysTakeExastrosNames() {
        DataSource dataSource = dataSource(TestDatabase.fresh());
        Map<String, String> placeholders = Dialect.of(dataSource).migrationPlaceholders();
        Flyway.configure().dataSource(dataSource).placeholders(placeholders).target("6").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO organization (organization_id, organization_name, created_by, created_at, last_update_user, "
                + "last_update_timestamp) VALUES ('o', 'o', 'a', TIMESTAMP '" + NOW + "', 'a', TIMESTAMP '" + NOW + "')").update();
        jdbc.sql("INSERT INTO workspace (organization_id, workspace_id, workspace_name, created_by, created_at, last_update_user, "
                + "last_update_timestamp) VALUES ('o', 'w', 'w', 'a', TIMESTAMP '" + NOW + "', 'a', TIMESTAMP '" + NOW + "')").update();
        String remarks = "{\\\"movement_name\\\":1}";
        record(jdbc, "l1", "movement_playbook_link",
                "{\"movement_name\":\"m\",\"playbook_name\":\"p\",\"include_order\":1,\"remarks\":\"" + remarks + "\"}",
                "movement_name+playbook_name");
        record(jdbc, "t1", "target_host_ansible_legacy",
                "{\"operation_name\":\"o\",\"movement_name\":\"m\",\"host_name\":\"h\"}", "operation_name+movement_name+host_name");
        record(jdbc, "s1", "substitution_value_list_ansible_legacy",
                "{\"operation_name\":\"o\",\"movement_name\":\"m\",\"host_name\":\"h\",\"variable_name\":\"v\",\"value\":\"x\"}",
                "operation_name+movement_name+host_name+variable_name");

        Flyway.configure().dataSource(dataSource).placeholders(placeholders).load().migrate();

        assertThat(data(jdbc, "menu_record", "l1")).isEqualTo(
                "{\"movement\":\"m\",\"playbook_file\":\"p\",\"include_order\":1,\"remarks\":\"" + remarks + "\"}");
        assertThat(data(jdbc, "menu_journal", "l1")).isEqualTo(data(jdbc, "menu_record", "l1"));
        assertThat(data(jdbc, "menu_record", "t1")).isEqualTo("{\"operation\":\"o\",\"movement\":\"m\",\"host\":\"h\"}");
        assertThat(data(jdbc, "menu_record", "s1"))
                .isEqualTo("{\"operation\":\"o\",\"movement\":\"m\",\"host\":\"h\",\"variable_name\":\"v\",\"value\":\"x\"}");
        assertThat(jdbc.sql("SELECT menu_name FROM menu_record WHERE record_id = 's1'").query(String.class).single())
                .isEqualTo("subst_value_list_ansible_legacy");
        assertThat(jdbc.sql("SELECT menu_name FROM menu_journal WHERE record_id = 's1'").query(String.class).single())
                .isEqualTo("subst_value_list_ansible_legacy");
        assertThat(jdbc.sql("SELECT menu_name, unique_key FROM menu_unique_value ORDER BY record_id")
                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2)).list()).containsExactly(
                "movement_playbook_link:movement+playbook_file",
                "subst_value_list_ansible_legacy:operation+movement+host+variable_name",
                "target_host_ansible_legacy:operation+movement+host");
    }

    private static void record(JdbcClient jdbc, String id, String menu, String data, String uniqueKey) {
        jdbc.sql("INSERT INTO menu_record (record_id, menu_name, organization_id, workspace_id, discard, record_data, created_by, "
                        + "created_at, last_update_user, last_update_timestamp) VALUES (?, ?, 'o', 'w', '0', ?, 'a', TIMESTAMP '"
                        + NOW + "', 'a', TIMESTAMP '" + NOW + "')")
                .params(id, menu, data).update();
        jdbc.sql("INSERT INTO menu_journal (record_id, menu_name, organization_id, workspace_id, action, record_data, changed_by, "
                        + "changed_at) VALUES (?, ?, 'o', 'w', 'Register', ?, 'a', TIMESTAMP '" + NOW + "')")
                .params(id, menu, data).update();
        jdbc.sql("INSERT INTO menu_unique_value (organization_id, workspace_id, menu_name, unique_key, value_hash, record_id) "
                        + "VALUES ('o', 'w', ?, ?, ?, ?)")
                .params(menu, uniqueKey, "hash-" + id, id).update();
    }

    private static String data(JdbcClient jdbc, String table, String id) {
        return jdbc.sql("SELECT record_data FROM " + table + " WHERE record_id = ?").param(id).query(String.class).single();
    }

    private static DataSource dataSource(Map<String, String> properties) {
        String url = properties.containsKey("jita.data-dir")
                ? "jdbc:h2:async:" + properties.get("jita.data-dir") + "/jita;DB_CLOSE_ON_EXIT=FALSE"
                : properties.get("spring.datasource.url");
        return new DriverManagerDataSource(url, properties.getOrDefault("spring.datasource.username", "sa"),
                properties.getOrDefault("spring.datasource.password", ""));
    }
}
