package dev.jita.menu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.core.Dialect;
import dev.jita.test.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records written before V25 are indexed by it, keyed anew by V30, and found by every kind of condition after them.
 */
class MenuValueMigrationTest {

    private static final String NOW = "2026-01-01 00:00:00";
    private static final String LONG = "z".repeat(300) + "tail";
    private static final MenuDefinition DEVICES = new MenuDefinition("device_list", "Devices", "Devices", List.of(
            Column.id("managed_system_item_number", "No.", "No."),
            Column.text("host_name", "Host", "Host", true, true, 255),
            Column.password("login_password", "Password", "Password", false),
            Column.integer("port_no", "Port", "Port", false, 0, 65_535)), List.of(), true);

    @Test
    void recordsWrittenBeforeTheIndexAreFoundAfterIt() {
        DataSource dataSource = dataSource(TestDatabase.fresh());
        Map<String, String> placeholders = Dialect.of(dataSource).migrationPlaceholders();
        Flyway.configure().dataSource(dataSource).placeholders(placeholders).target("24").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO organization (organization_id, organization_name, created_by, created_at, last_update_user, "
                + "last_update_timestamp) VALUES ('o', 'o', 'a', TIMESTAMP '" + NOW + "', 'a', TIMESTAMP '" + NOW + "')").update();
        jdbc.sql("INSERT INTO workspace (organization_id, workspace_id, workspace_name, created_by, created_at, last_update_user, "
                + "last_update_timestamp) VALUES ('o', 'w', 'w', 'a', TIMESTAMP '" + NOW + "', 'a', TIMESTAMP '" + NOW + "')").update();
        // More records than one batch of the migration, so that it pages.
        List<Object[]> records = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            records.add(new Object[] {String.format("r%05d", i), "0",
                    "{\"host_name\":\"host-" + i + "\",\"login_password\":\"secret\",\"port_no\":" + i + "}"});
        }
        records.add(new Object[] {"long", "1", "{\"host_name\":\"long\",\"remarks\":\"" + LONG + "\"}"});
        new JdbcTemplate(dataSource).batchUpdate("INSERT INTO menu_record (record_id, menu_name, organization_id, "
                + "workspace_id, discard, record_data, created_by, created_at, last_update_user, last_update_timestamp) "
                + "VALUES (?, 'device_list', 'o', 'w', ?, ?, 'a', TIMESTAMP '" + NOW + "', 'b', TIMESTAMP '" + NOW + "')",
                records);

        Flyway.configure().dataSource(dataSource).placeholders(placeholders).load().migrate();

        assertThat(ids(jdbc, Map.of("host_name", Map.of("LIST", List.of("host-7", "host-1100"))))).containsExactly("r00007", "r01100");
        assertThat(ids(jdbc, Map.of("host_name", Map.of("NORMAL", "st-119")))).containsExactly("r00119", "r01190",
                "r01191", "r01192", "r01193", "r01194", "r01195", "r01196", "r01197", "r01198", "r01199");
        assertThat(ids(jdbc, Map.of("port_no", Map.of("RANGE", Map.of("START", "9", "END", "11")))))
                .containsExactly("r00009", "r00010", "r00011");
        assertThat(ids(jdbc, Map.of("remarks", Map.of("NORMAL", "ztail")))).containsExactly("long");
        assertThat(ids(jdbc, Map.of("remarks", Map.of("LIST", List.of(LONG))))).containsExactly("long");
        assertThat(ids(jdbc, Map.of("discard", Map.of("LIST", List.of("1"))))).containsExactly("long");
        assertThat(ids(jdbc, Map.of("last_updated_user", Map.of("LIST", List.of("b"))))).hasSize(1201);
        assertThat(ids(jdbc, Map.of("last_update_date_time", Map.of("LIST", List.of("2026/01/01 00:00:00.000000")))))
                .hasSize(1201);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM menu_value WHERE column_key = ?")
                .param(MenuStore.columnKey("o", "w", "device_list", "login_password")).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM menu_value WHERE column_key = ?")
                .param(MenuStore.columnKey("o", "w", "device_list", "host_name")).query(Long.class).single()).isEqualTo(1201);
    }

    private static List<String> ids(JdbcClient jdbc, Map<String, Object> conditions) {
        JsonNode json = JsonMapper.builder().build().valueToTree(conditions);
        MenuFilter.Sql sql = MenuFilter.sql("o", "w", DEVICES, MenuFilter.conditions(DEVICES, json), (menu, column) ->
                jdbc.sql("SELECT COUNT(*) FROM menu_value_text WHERE column_key = ?")
                        .param(MenuStore.columnKey("o", "w", menu, column)).query(Long.class).single() > 0);
        List<Object> params = new ArrayList<>(List.of("o", "w", "device_list"));
        params.addAll(sql.params());
        return jdbc.sql("SELECT r.record_id FROM menu_record r WHERE r.organization_id = ? AND r.workspace_id = ? "
                        + "AND r.menu_name = ?" + sql.where() + " ORDER BY r.record_id")
                .params(params).query(String.class).list();
    }

    private static DataSource dataSource(Map<String, String> properties) {
        String url = properties.containsKey("jita.data-dir")
                ? "jdbc:h2:async:" + properties.get("jita.data-dir") + "/jita;DB_CLOSE_ON_EXIT=FALSE"
                : properties.get("spring.datasource.url");
        return new DriverManagerDataSource(url, properties.getOrDefault("spring.datasource.username", "sa"),
                properties.getOrDefault("spring.datasource.password", ""));
    }
}
