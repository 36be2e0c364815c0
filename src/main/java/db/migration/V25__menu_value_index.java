package db.migration;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The value index of the menu records (menu_value and menu_value_text, see dev.jita.menu.MenuStore), and the
 * rows of the records already stored. A Java migration because the rows come from each record's JSON; its rules are those of
 * MenuStore as of this version, frozen here: every value kept in record_data but the password columns of the
 * menus of this version, plus the common columns discard, last_update_date_time and last_updated_user.
 */
public class V25__menu_value_index extends BaseJavaMigration {

    static final int KEY_LENGTH = 150;
    private static final int BATCH = 500;
    /** menu.column of every password column in this version's menus (no parameter sheet exists yet). */
    private static final Set<String> PASSWORDS = Set.of("device_list.login_password", "device_list.passphrase",
            "intarface_info_terraform_cloud_ep.user_token");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    @Override
    public void migrate(Context context) throws Exception {
        Map<String, String> placeholders = context.getConfiguration().getPlaceholders();
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            // value_key is short enough that MariaDB's index of 768 characters (utf8mb4) holds the whole key.
            ddl.execute("CREATE TABLE menu_value ("
                    + " record_id VARCHAR(36) NOT NULL,"
                    + " column_name VARCHAR(255) NOT NULL,"
                    + " organization_id VARCHAR(36) NOT NULL,"
                    + " workspace_id VARCHAR(36) NOT NULL,"
                    + " menu_name VARCHAR(255) NOT NULL,"
                    + " value_key VARCHAR(" + KEY_LENGTH + ") NOT NULL,"
                    + " value_num DECIMAL(38, 14),"
                    + " PRIMARY KEY (record_id, column_name),"
                    + " CONSTRAINT fk_value_record FOREIGN KEY (record_id) REFERENCES menu_record (record_id) ON DELETE CASCADE"
                    + ") " + placeholders.get("table_options"));
            // The whole of the texts longer than their key, apart, so that a search of keys never reads a LOB.
            ddl.execute("CREATE TABLE menu_value_text ("
                    + " record_id VARCHAR(36) NOT NULL,"
                    + " column_name VARCHAR(255) NOT NULL,"
                    + " organization_id VARCHAR(36) NOT NULL,"
                    + " workspace_id VARCHAR(36) NOT NULL,"
                    + " menu_name VARCHAR(255) NOT NULL,"
                    + " value_text " + placeholders.get("text") + " NOT NULL,"
                    + " PRIMARY KEY (record_id, column_name),"
                    + " CONSTRAINT fk_value_text_record FOREIGN KEY (record_id) REFERENCES menu_record (record_id) "
                    + "ON DELETE CASCADE"
                    + ") " + placeholders.get("table_options"));
            ddl.execute("CREATE INDEX ix_menu_value_text ON menu_value_text "
                    + "(organization_id, workspace_id, menu_name, column_name, record_id)");
            ddl.execute("CREATE INDEX ix_menu_value_key ON menu_value "
                    + "(organization_id, workspace_id, menu_name, column_name, value_key, record_id)");
            ddl.execute("CREATE INDEX ix_menu_value_num ON menu_value "
                    + "(organization_id, workspace_id, menu_name, column_name, value_num, record_id)");
            ddl.execute("CREATE INDEX ix_menu_record_order ON menu_record "
                    + "(organization_id, workspace_id, menu_name, created_at, record_id)");
        }
        index(connection);
    }

    /** Reads the records in pages of the primary key, so that no database holds a cursor over all of them. */
    private static void index(Connection connection) throws SQLException {
        ObjectMapper json = JsonMapper.builder().build();
        String after = "";
        while (true) {
            List<Object[]> rows = new ArrayList<>();
            String last = null;
            try (PreparedStatement select = connection.prepareStatement("SELECT record_id, organization_id, workspace_id, "
                    + "menu_name, discard, record_data, last_update_user, last_update_timestamp FROM menu_record "
                    + "WHERE record_id > ? ORDER BY record_id")) {
                select.setString(1, after);
                select.setMaxRows(BATCH);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getString(1);
                        Map<String, Object> values = new LinkedHashMap<>();
                        String menu = rs.getString(4);
                        json.readValue(rs.getString(6), MAP).forEach((column, value) -> {
                            if (value != null && !PASSWORDS.contains(menu + "." + column)) {
                                values.put(column, value);
                            }
                        });
                        values.put("discard", rs.getString(5));
                        values.put("last_updated_user", rs.getString(7));
                        values.put("last_update_date_time",
                                STAMP.format(rs.getObject(8, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
                        for (Map.Entry<String, Object> value : values.entrySet()) {
                            String text = String.valueOf(value.getValue());
                            rows.add(new Object[] {last, value.getKey(), rs.getString(2), rs.getString(3), menu,
                                    isLong(text) ? text.substring(0, Character.isHighSurrogate(text.charAt(KEY_LENGTH - 1))
                                            ? KEY_LENGTH - 1 : KEY_LENGTH) : text,
                                    value.getValue() instanceof Number number ? number(number) : null,
                                    isLong(text) ? text : null});
                        }
                    }
                }
            }
            if (last == null) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO menu_value (record_id, column_name, "
                    + "organization_id, workspace_id, menu_name, value_key, value_num) VALUES (?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement text = connection.prepareStatement("INSERT INTO menu_value_text (record_id, "
                         + "column_name, organization_id, workspace_id, menu_name, value_text) VALUES (?, ?, ?, ?, ?, ?)")) {
                boolean texts = false;
                for (Object[] row : rows) {
                    for (int i = 0; i < 6; i++) {
                        insert.setString(i + 1, (String) row[i]);
                    }
                    if (row[6] == null) {
                        insert.setNull(7, Types.DECIMAL);
                    } else {
                        insert.setBigDecimal(7, (BigDecimal) row[6]);
                    }
                    insert.addBatch();
                    if (row[7] != null) {
                        for (int i = 0; i < 5; i++) {
                            text.setString(i + 1, (String) row[i]);
                        }
                        text.setString(6, (String) row[7]);
                        text.addBatch();
                        texts = true;
                    }
                }
                insert.executeBatch();
                if (texts) {
                    text.executeBatch();
                }
            }
            after = last;
        }
    }

    /** Longer than the key, in Java chars (H2 counts a VARCHAR's length so; the others count characters). */
    private static boolean isLong(String text) {
        return text.length() > KEY_LENGTH;
    }

    private static BigDecimal number(Number number) {
        return new BigDecimal(number.toString());
    }
}
