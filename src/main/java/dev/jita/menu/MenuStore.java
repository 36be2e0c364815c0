package dev.jita.menu;

import dev.jita.core.Times;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The menu tables: records as JSON, their unique values, files and journal. */
@Repository
class MenuStore {

    /** A stored record; {@code data} maps REST column names to stored values. */
    record StoredRecord(String id, String menu, boolean discarded, Map<String, Object> data, String createdBy,
                        Instant createdAt, String lastUpdateUser, Instant lastUpdate) {
    }

    record JournalEntry(long id, String action, Map<String, Object> data, String changedBy, Instant changedAt,
                        boolean discarded) {
    }

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String COLUMNS = "record_id, menu_name, discard, record_data, created_by, created_at, "
            + "last_update_user, last_update_timestamp";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    MenuStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<StoredRecord> all(String organizationId, String workspaceId, String menu) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM menu_record WHERE organization_id = ? AND workspace_id = ? "
                        + "AND menu_name = ? ORDER BY created_at, record_id")
                .params(organizationId, workspaceId, menu).query(this::map).list();
    }

    /**
     * By the primary key alone, the workspace and menu checked here: given them in the WHERE too, PostgreSQL may
     * plan with ix_menu_record and read every record of the menu for each one looked up.
     */
    Optional<StoredRecord> find(String organizationId, String workspaceId, String menu, String id) {
        return jdbc.sql("SELECT " + COLUMNS + ", organization_id, workspace_id FROM menu_record WHERE record_id = ?")
                .param(id)
                .query((rs, n) -> organizationId.equals(rs.getString(9)) && workspaceId.equals(rs.getString(10))
                        && menu.equals(rs.getString(2)) ? map(rs, n) : null)
                .optional();
    }

    void insert(String organizationId, String workspaceId, StoredRecord record) {
        jdbc.sql("INSERT INTO menu_record (record_id, menu_name, organization_id, workspace_id, discard, record_data, "
                        + "created_by, created_at, last_update_user, last_update_timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(record.id(), record.menu(), organizationId, workspaceId, record.discarded() ? "1" : "0",
                        json.writeValueAsString(record.data()), record.createdBy(), Times.toDb(record.createdAt()),
                        record.lastUpdateUser(), Times.toDb(record.lastUpdate()))
                .update();
    }

    /** Optimistic: false when the record changed since {@code expectedLastUpdate}. */
    boolean update(StoredRecord record, Instant expectedLastUpdate) {
        return jdbc.sql("UPDATE menu_record SET discard = ?, record_data = ?, last_update_user = ?, "
                        + "last_update_timestamp = ? WHERE record_id = ? AND last_update_timestamp = ?")
                .params(record.discarded() ? "1" : "0", json.writeValueAsString(record.data()), record.lastUpdateUser(),
                        Times.toDb(record.lastUpdate()), record.id(), Times.toDb(expectedLastUpdate))
                .update() == 1;
    }

    /**
     * Makes {@code keys} the record's unique values; the primary key refuses (DuplicateKeyException) a value
     * another record holds. A new record has none to delete, and skipping that delete spares MariaDB a gap lock.
     */
    void replaceUniqueValues(String organizationId, String workspaceId, String menu, String recordId,
                             Map<String, List<Object>> keys, boolean newRecord) {
        if (!newRecord) {
            jdbc.sql("DELETE FROM menu_unique_value WHERE record_id = ?").param(recordId).update();
        }
        keys.forEach((key, values) -> jdbc.sql("INSERT INTO menu_unique_value (organization_id, workspace_id, menu_name, "
                        + "unique_key, value_hash, record_id) VALUES (?, ?, ?, ?, ?, ?)")
                .params(organizationId, workspaceId, menu, key, hash(values), recordId).update());
    }

    /**
     * Every record of a menu in a workspace; their unique values, files and journal go with them (the foreign
     * keys cascade), each found through its record.
     */
    void deleteAll(String organizationId, String workspaceId, String menu) {
        jdbc.sql("DELETE FROM menu_record WHERE organization_id = ? AND workspace_id = ? AND menu_name = ?")
                .params(organizationId, workspaceId, menu).update();
    }

    Optional<String> holderOf(String organizationId, String workspaceId, String menu, String key, List<Object> values) {
        return jdbc.sql("SELECT record_id FROM menu_unique_value WHERE organization_id = ? AND workspace_id = ? "
                        + "AND menu_name = ? AND unique_key = ? AND value_hash = ?")
                .params(organizationId, workspaceId, menu, key, hash(values)).query(String.class).optional();
    }

    void putFile(String recordId, String column, String fileName, byte[] content) {
        jdbc.sql("DELETE FROM menu_file WHERE record_id = ? AND column_name = ?").params(recordId, column).update();
        jdbc.sql("INSERT INTO menu_file (record_id, column_name, file_name, content) VALUES (?, ?, ?, ?)")
                .params(recordId, column, fileName, content).update();
    }

    Optional<byte[]> file(String recordId, String column) {
        return jdbc.sql("SELECT content FROM menu_file WHERE record_id = ? AND column_name = ?")
                .params(recordId, column).query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** record id → column → bytes, for every file of a menu in a workspace. */
    Map<String, Map<String, byte[]>> files(String organizationId, String workspaceId, String menu) {
        Map<String, Map<String, byte[]>> files = new LinkedHashMap<>();
        jdbc.sql("SELECT f.record_id, f.column_name, f.content FROM menu_file f JOIN menu_record r "
                        + "ON r.record_id = f.record_id WHERE r.organization_id = ? AND r.workspace_id = ? AND r.menu_name = ?")
                .params(organizationId, workspaceId, menu)
                .query((rs, n) -> files.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), rs.getBytes(3)))
                .list();
        return files;
    }

    void journal(String organizationId, String workspaceId, StoredRecord record, String action) {
        jdbc.sql("INSERT INTO menu_journal (record_id, menu_name, organization_id, workspace_id, action, record_data, "
                        + "changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(record.id(), record.menu(), organizationId, workspaceId, action,
                        json.writeValueAsString(withDiscard(record)), record.lastUpdateUser(), Times.toDb(record.lastUpdate()))
                .update();
    }

    List<JournalEntry> journal(String recordId) {
        return jdbc.sql("SELECT journal_id, action, record_data, changed_by, changed_at FROM menu_journal "
                        + "WHERE record_id = ? ORDER BY journal_id")
                .param(recordId)
                .query((rs, n) -> {
                    Map<String, Object> data = json.readValue(rs.getString(3), MAP);
                    boolean discarded = "1".equals(data.remove("discard"));
                    return new JournalEntry(rs.getLong(1), rs.getString(2), data, rs.getString(4),
                            Times.fromDb(rs.getObject(5, LocalDateTime.class)), discarded);
                })
                .list();
    }

    private static Map<String, Object> withDiscard(StoredRecord record) {
        Map<String, Object> data = new LinkedHashMap<>(record.data());
        data.put("discard", record.discarded() ? "1" : "0");
        return data;
    }

    private StoredRecord map(ResultSet rs, int row) throws SQLException {
        return new StoredRecord(rs.getString(1), rs.getString(2), "1".equals(rs.getString(3)),
                json.readValue(rs.getString(4), MAP), rs.getString(5), Times.fromDb(rs.getObject(6, LocalDateTime.class)),
                rs.getString(7), Times.fromDb(rs.getObject(8, LocalDateTime.class)));
    }

    static String hash(List<Object> values) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object value : values) {
                digest.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
