package db.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The value index keyed by one number per column of a workspace's menu instead of its four names (see
 * dev.jita.menu.MenuStore#columnKey, whose function is frozen here): each index entry and row is a third of its size,
 * so a search that walks a column's keys reads far fewer pages. The rows are copied column by column through the
 * former index, then the former tables are dropped.
 */
public class V30__menu_value_column_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Map<String, String> placeholders = context.getConfiguration().getPlaceholders();
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE menu_value_keyed ("
                    + " record_id VARCHAR(36) NOT NULL,"
                    + " column_key BIGINT NOT NULL,"
                    + " value_key VARCHAR(" + V25__menu_value_index.KEY_LENGTH + ") NOT NULL,"
                    + " value_num DECIMAL(38, 14),"
                    + " PRIMARY KEY (record_id, column_key),"
                    + " CONSTRAINT fk_menu_value_record FOREIGN KEY (record_id) REFERENCES menu_record (record_id) "
                    + "ON DELETE CASCADE"
                    + ") " + placeholders.get("table_options"));
            sql.execute("CREATE TABLE menu_value_text_keyed ("
                    + " record_id VARCHAR(36) NOT NULL,"
                    + " column_key BIGINT NOT NULL,"
                    + " value_text " + placeholders.get("text") + " NOT NULL,"
                    + " PRIMARY KEY (record_id, column_key),"
                    + " CONSTRAINT fk_menu_value_text_record FOREIGN KEY (record_id) REFERENCES menu_record (record_id) "
                    + "ON DELETE CASCADE"
                    + ") " + placeholders.get("table_options"));
            for (String[] column : columns(sql, "menu_value")) {
                copy(connection, "INSERT INTO menu_value_keyed (record_id, column_key, value_key, value_num) "
                        + "SELECT record_id, " + columnKey(column) + ", value_key, value_num FROM menu_value", column);
            }
            for (String[] column : columns(sql, "menu_value_text")) {
                copy(connection, "INSERT INTO menu_value_text_keyed (record_id, column_key, value_text) "
                        + "SELECT record_id, " + columnKey(column) + ", value_text FROM menu_value_text", column);
            }
            sql.execute("DROP TABLE menu_value_text");
            sql.execute("DROP TABLE menu_value");
            sql.execute("ALTER TABLE menu_value_keyed RENAME TO menu_value");
            sql.execute("ALTER TABLE menu_value_text_keyed RENAME TO menu_value_text");
            sql.execute("CREATE INDEX ix_menu_value_key ON menu_value (column_key, value_key, record_id)");
            sql.execute("CREATE INDEX ix_menu_value_num ON menu_value (column_key, value_num, record_id)");
            sql.execute("CREATE INDEX ix_menu_value_text ON menu_value_text (column_key, record_id)");
        }
    }

    private static List<String[]> columns(Statement sql, String table) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("SELECT DISTINCT organization_id, workspace_id, menu_name, column_name FROM "
                + table)) {
            while (rs.next()) {
                columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        return columns;
    }

    /** The key, a number, is part of the statement: a parameter in a SELECT list has no type on H2. */
    private static void copy(Connection connection, String insertSelect, String[] column) throws SQLException {
        try (PreparedStatement copy = connection.prepareStatement(insertSelect + " WHERE organization_id = ? "
                + "AND workspace_id = ? AND menu_name = ? AND column_name = ?")) {
            for (int i = 0; i < column.length; i++) {
                copy.setString(i + 1, column[i]);
            }
            copy.executeUpdate();
        }
    }

    /** As MenuStore.columnKey: the first 64 bits of the SHA-256 of the names, each followed by a zero byte. */
    static long columnKey(String[] names) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String name : names) {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return Long.parseUnsignedLong(HexFormat.of().formatHex(digest.digest()).substring(0, 16), 16);
    }
}
