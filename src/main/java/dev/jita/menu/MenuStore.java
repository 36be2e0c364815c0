package dev.jita.menu;

import dev.jita.core.Times;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The menu tables: records as JSON, their unique values, files and journal, and the value index that searches run
 * on: menu_value, one row per record and column with a value (the start of its text, its number), and
 * menu_value_text, the whole of the texts longer than their key; written with the record in one transaction.
 */
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

    /** How much of a value's text the index keys on (V25__menu_value_index.KEY_LENGTH). */
    static final int KEY_LENGTH = 150;
    /** The most ids one IN list names. */
    private static final int IDS_PER_QUERY = 500;
    /** Up to this many records found from a driving condition are then read by id. */
    private static final int FEW = IDS_PER_QUERY;
    private static final String ORDER = " ORDER BY r.created_at, r.record_id";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ObjectMapper json;

    MenuStore(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /**
     * A page of the records of a menu that meet {@code filter}, in the order of registration. When the filter has a
     * driving condition that finds few records, their ids are read from the index first and the records by id;
     * else (many records, or no such condition) one query reads the menu's records in order, testing each.
     */
    List<StoredRecord> search(String organizationId, String workspaceId, String menu, MenuFilter.Sql filter,
                              int offset, int limit) {
        return search(organizationId, workspaceId, menu, filter, MenuFilter.Order.registration(), offset, limit);
    }

    /** As {@link #search(String, String, String, MenuFilter.Sql, int, int)}, in the given order. */
    List<StoredRecord> search(String organizationId, String workspaceId, String menu, MenuFilter.Sql filter,
                              MenuFilter.Order order, int offset, int limit) {
        String page = offset == 0 && limit == Integer.MAX_VALUE ? "" : " LIMIT " + limit + " OFFSET " + offset;
        if (filter.driver() != null) {
            List<String> ids = jdbc.sql("SELECT r.record_id FROM (" + filter.driver().sql() + ") r WHERE 1 = 1"
                            + filter.rest() + " LIMIT " + (FEW + 1))
                    .params(driven(filter)).query(String.class).list();
            if (ids.size() <= FEW) {
                if (ids.isEmpty()) {
                    return List.of();
                }
                List<Object> params = new ArrayList<>(order.params());
                params.addAll(List.of(organizationId, workspaceId, menu));
                params.addAll(ids);
                return jdbc.sql("SELECT " + prefixed() + " FROM menu_record r" + order.join() + " WHERE r.organization_id = ? "
                                + "AND r.workspace_id = ? AND r.menu_name = ? AND r.record_id IN (" + marks(ids.size()) + ")"
                                + " ORDER BY " + order.by() + page)
                        .params(params).query(this::map).list();
            }
        }
        List<Object> params = new ArrayList<>(order.params());
        params.addAll(params(organizationId, workspaceId, menu, filter));
        return jdbc.sql("SELECT " + prefixed() + " FROM menu_record r" + order.join() + " WHERE r.organization_id = ? "
                        + "AND r.workspace_id = ? AND r.menu_name = ?" + filter.where() + " ORDER BY " + order.by() + page)
                .params(params).query(this::map).list();
    }

    /**
     * The next {@code size} records of a menu that meet {@code filter} after {@code after} (null: from the first), in the
     * order of registration: a read of any length in pages, each page one range of the menu's order index.
     */
    List<StoredRecord> searchAfter(String organizationId, String workspaceId, String menu, MenuFilter.Sql filter,
                                   StoredRecord after, int size) {
        List<Object> params = params(organizationId, workspaceId, menu, filter);
        String from = "";
        if (after != null) {
            // The leading bound lets the index start at the page instead of filtering every earlier row.
            from = " AND r.created_at >= ? AND (r.created_at > ? OR r.record_id > ?)";
            LocalDateTime at = Times.toDb(after.createdAt());
            params.addAll(List.of(at, at, after.id()));
        }
        return jdbc.sql("SELECT " + prefixed() + " FROM menu_record r WHERE r.organization_id = ? AND r.workspace_id = ? "
                        + "AND r.menu_name = ?" + filter.where() + from + ORDER + " LIMIT " + size)
                .params(params).query(this::map).list();
    }

    /** How many records of a menu meet {@code filter}; reads the index (and the keys of menu_record) only. */
    long count(String organizationId, String workspaceId, String menu, MenuFilter.Sql filter) {
        if (filter.driver() != null) {
            return jdbc.sql("SELECT COUNT(*) FROM (" + filter.driver().sql() + ") r WHERE 1 = 1" + filter.rest())
                    .params(driven(filter)).query(Long.class).single();
        }
        return jdbc.sql("SELECT COUNT(*) FROM menu_record r WHERE r.organization_id = ? AND r.workspace_id = ? "
                        + "AND r.menu_name = ?" + filter.where())
                .params(params(organizationId, workspaceId, menu, filter)).query(Long.class).single();
    }

    private static List<Object> driven(MenuFilter.Sql filter) {
        List<Object> params = new ArrayList<>(filter.driver().params());
        params.addAll(filter.restParams());
        return params;
    }

    private static List<Object> params(String organizationId, String workspaceId, String menu, MenuFilter.Sql filter) {
        List<Object> params = new ArrayList<>(List.of(organizationId, workspaceId, menu));
        params.addAll(filter.params());
        return params;
    }

    private static String prefixed() {
        return Arrays.stream(COLUMNS.split(", ")).map(c -> "r." + c).collect(Collectors.joining(", "));
    }

    /** The records of a menu with these ids (others left out), by id. */
    Map<String, StoredRecord> byIds(String organizationId, String workspaceId, String menu, Collection<String> ids) {
        Map<String, StoredRecord> records = new HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            List<String> some = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
            List<Object> params = new ArrayList<>(List.of(organizationId, workspaceId, menu));
            params.addAll(some);
            jdbc.sql("SELECT " + prefixed() + " FROM menu_record r WHERE r.organization_id = ? AND r.workspace_id = ? "
                            + "AND r.menu_name = ? AND r.record_id IN (" + marks(some.size()) + ")")
                    .params(params).query(this::map).list().forEach(r -> records.put(r.id(), r));
        }
        return records;
    }

    /** The oldest record not discarded whose column has this value as text, through the index. */
    Optional<String> activeWith(String organizationId, String workspaceId, String menu, String column, String value) {
        return activeWith(organizationId, workspaceId, menu, column, value, " LIMIT 1").stream().findFirst();
    }

    /** Every record not discarded whose column has this value as text, oldest first, through the index. */
    List<String> allActiveWith(String organizationId, String workspaceId, String menu, String column, String value) {
        return activeWith(organizationId, workspaceId, menu, column, value, "");
    }

    private List<String> activeWith(String organizationId, String workspaceId, String menu, String column, String value,
                                    String limit) {
        String where = isLong(value)
                ? "menu_value_text v ON v.record_id = r.record_id WHERE v.value_text LIKE ? ESCAPE '!'"
                : "menu_value v ON v.record_id = r.record_id WHERE v.value_key = ?" + (isKey(value) ? ""
                : " AND NOT EXISTS (SELECT 1 FROM menu_value_text t WHERE t.record_id = v.record_id "
                + "AND t.column_key = v.column_key)");
        return jdbc.sql("SELECT r.record_id FROM menu_record r JOIN " + where + " AND v.column_key = ? "
                        + "AND r.organization_id = ? AND r.workspace_id = ? AND r.menu_name = ? AND r.discard = '0'" + ORDER
                        + limit)
                .params(isLong(value) ? MenuFilter.escape(value) : value, columnKey(organizationId, workspaceId, menu, column),
                        organizationId, workspaceId, menu)
                .query(String.class).list();
    }

    /** Whether any record of the menu holds a text longer than its key in this column. */
    boolean hasLongTexts(String organizationId, String workspaceId, String menu, String column) {
        return jdbc.sql("SELECT record_id FROM menu_value_text WHERE column_key = ? LIMIT 1")
                .param(columnKey(organizationId, workspaceId, menu, column)).query(String.class).optional().isPresent();
    }

    /** For each value (each its own whole key, see {@link #isKey}), the record {@link #activeWith} would give. */
    Map<String, String> activeWith(String organizationId, String workspaceId, String menu, String column,
                                   Collection<String> values) {
        Map<String, String> ids = new HashMap<>();
        List<String> all = List.copyOf(values);
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            List<String> some = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
            List<Object> params = new ArrayList<>(List.of(columnKey(organizationId, workspaceId, menu, column),
                    organizationId, workspaceId, menu));
            params.addAll(some);
            jdbc.sql("SELECT v.value_key, r.record_id FROM menu_value v JOIN menu_record r ON r.record_id = v.record_id "
                            + "WHERE v.column_key = ? AND r.organization_id = ? AND r.workspace_id = ? AND r.menu_name = ? "
                            + "AND v.value_key IN (" + marks(some.size()) + ") AND r.discard = '0'" + ORDER)
                    .params(params)
                    .query((rs, n) -> ids.putIfAbsent(rs.getString(1), rs.getString(2)))
                    .list();
        }
        return ids;
    }

    /**
     * Makes the index rows of a record those of its values as stored (read back from its JSON, so that they are
     * the values every read shows); {@code unindexed} names the columns never searched (passwords).
     */
    private void index(String organizationId, String workspaceId, StoredRecord record, String data,
                       Set<String> unindexed, boolean newRecord) {
        if (!newRecord) {
            jdbc.sql("DELETE FROM menu_value WHERE record_id = ?").param(record.id()).update();
            jdbc.sql("DELETE FROM menu_value_text WHERE record_id = ?").param(record.id()).update();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        json.readValue(data, MAP).forEach((column, value) -> {
            if (value != null && !unindexed.contains(column)) {
                values.put(column, value);
            }
        });
        values.put(MenuService.DISCARD, record.discarded() ? "1" : "0");
        values.put(MenuService.LAST_UPDATE, MenuService.STAMP.format(record.lastUpdate()));
        values.put(MenuService.LAST_USER, record.lastUpdateUser());
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> texts = new ArrayList<>();
        values.forEach((column, value) -> {
            String text = String.valueOf(value);
            long columnKey = columnKey(organizationId, workspaceId, record.menu(), column);
            rows.add(new Object[] {record.id(), columnKey, key(text),
                    value instanceof Number number ? new BigDecimal(number.toString()) : null});
            if (isLong(text)) {
                texts.add(new Object[] {record.id(), columnKey, text});
            }
        });
        template.batchUpdate("INSERT INTO menu_value (record_id, column_key, value_key, value_num) VALUES (?, ?, ?, ?)",
                rows, new int[] {Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.DECIMAL});
        if (!texts.isEmpty()) {
            template.batchUpdate("INSERT INTO menu_value_text (record_id, column_key, value_text) VALUES (?, ?, ?)", texts);
        }
    }

    /**
     * The value index's key of one column of a workspace's menu: the first 64 bits of the SHA-256 of its names, the
     * same on every node with nothing to allocate or look up (V30__menu_value_column_key computes it alike). A key
     * of eight bytes instead of four names keeps the index small; a search joins menu_record by its names.
     */
    static long columnKey(String organizationId, String workspaceId, String menu, String column) {
        return Long.parseUnsignedLong(hash(List.of(organizationId, workspaceId, menu, column)).substring(0, 16), 16);
    }

    /**
     * The key of a text: the whole text up to {@link #KEY_LENGTH} Java chars, else its first KEY_LENGTH chars (one
     * less rather than half a surrogate pair). H2 counts a VARCHAR's length in Java chars, PostgreSQL and MariaDB
     * in characters, so the key fits all three; a long text's key has at least KEY_LENGTH / 2 characters.
     */
    static String key(String text) {
        if (!isLong(text)) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(KEY_LENGTH - 1)) ? KEY_LENGTH - 1 : KEY_LENGTH);
    }

    /** Whether the text is longer than its key; the index then keeps the whole text in menu_value_text. */
    static boolean isLong(String text) {
        return text.length() > KEY_LENGTH;
    }

    /** Whether a text is found by its key alone: no long text has it as its key. */
    static boolean isKey(String text) {
        return !isLong(text) && !likeALongKey(text);
    }

    /** Whether a text that is not long could still equal the key of a long one. */
    static boolean likeALongKey(String text) {
        return !isLong(text) && text.length() >= KEY_LENGTH - 1;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
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

    /** Of {@code ids}, those of this menu's records in the workspace, each with whether it is discarded. */
    Map<String, Boolean> discardedByIds(String organizationId, String workspaceId, String menu, List<String> ids) {
        Map<String, Boolean> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            jdbc.sql("SELECT record_id, discard, organization_id, workspace_id, menu_name FROM menu_record "
                            + "WHERE record_id IN (" + marks(some.size()) + ")")
                    .params(new ArrayList<>(some))
                    .query((rs, n) -> organizationId.equals(rs.getString(3)) && workspaceId.equals(rs.getString(4))
                            && menu.equals(rs.getString(5)) ? found.put(rs.getString(1), "1".equals(rs.getString(2))) : null)
                    .list();
        }
        return found;
    }

    /** Whether any record of any workspace has this id (record ids are unique across the database). */
    boolean idTaken(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM menu_record WHERE record_id = ?").param(id).query(Integer.class)
                .single() > 0;
    }

    void insert(String organizationId, String workspaceId, StoredRecord record, Set<String> unindexed) {
        String data = json.writeValueAsString(record.data());
        jdbc.sql("INSERT INTO menu_record (record_id, menu_name, organization_id, workspace_id, discard, record_data, "
                        + "created_by, created_at, last_update_user, last_update_timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(record.id(), record.menu(), organizationId, workspaceId, record.discarded() ? "1" : "0",
                        data, record.createdBy(), Times.toDb(record.createdAt()),
                        record.lastUpdateUser(), Times.toDb(record.lastUpdate()))
                .update();
        index(organizationId, workspaceId, record, data, unindexed, true);
    }

    /** Optimistic: false when the record changed since {@code expectedLastUpdate}. */
    boolean update(String organizationId, String workspaceId, StoredRecord record, Instant expectedLastUpdate,
                   Set<String> unindexed) {
        String data = json.writeValueAsString(record.data());
        boolean updated = jdbc.sql("UPDATE menu_record SET discard = ?, record_data = ?, last_update_user = ?, "
                        + "last_update_timestamp = ? WHERE record_id = ? AND last_update_timestamp = ?")
                .params(record.discarded() ? "1" : "0", data, record.lastUpdateUser(),
                        Times.toDb(record.lastUpdate()), record.id(), Times.toDb(expectedLastUpdate))
                .update() == 1;
        if (updated) {
            index(organizationId, workspaceId, record, data, unindexed, false);
        }
        return updated;
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
    List<String> ids(String organizationId, String workspaceId, String menu) {
        return jdbc.sql("SELECT record_id FROM menu_record WHERE organization_id = ? AND workspace_id = ? AND menu_name = ?")
                .params(organizationId, workspaceId, menu).query(String.class).list();
    }

    /** Removes a record with its unique values, files and journal (they go with it). */
    void delete(String recordId) {
        jdbc.sql("DELETE FROM menu_record WHERE record_id = ?").param(recordId).update();
    }

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

    /** record id → column → bytes, for every file of the given records. */
    Map<String, Map<String, byte[]>> files(List<String> recordIds) {
        Map<String, Map<String, byte[]>> files = new LinkedHashMap<>();
        for (int from = 0; from < recordIds.size(); from += IDS_PER_QUERY) {
            List<String> some = recordIds.subList(from, Math.min(recordIds.size(), from + IDS_PER_QUERY));
            jdbc.sql("SELECT record_id, column_name, content FROM menu_file WHERE record_id IN (" + marks(some.size()) + ")")
                    .params(new ArrayList<>(some))
                    .query((rs, n) -> files.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getBytes(3)))
                    .list();
        }
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

    /** A journal entry with the record it is of. */
    record MenuJournalEntry(String recordId, JournalEntry entry) {
    }

    /** The latest entries of the journal of a menu in a workspace, newest first, from {@code offset}. */
    List<MenuJournalEntry> recentJournal(String organizationId, String workspaceId, String menu, int offset, int limit) {
        return jdbc.sql("SELECT journal_id, action, record_data, changed_by, changed_at, record_id FROM menu_journal "
                        + "WHERE organization_id = ? AND workspace_id = ? AND menu_name = ? ORDER BY journal_id DESC "
                        + "LIMIT " + limit + " OFFSET " + offset)
                .params(organizationId, workspaceId, menu)
                .query((rs, n) -> {
                    Map<String, Object> data = json.readValue(rs.getString(3), MAP);
                    boolean discarded = "1".equals(data.remove("discard"));
                    return new MenuJournalEntry(rs.getString(6), new JournalEntry(rs.getLong(1), rs.getString(2), data,
                            rs.getString(4), Times.fromDb(rs.getObject(5, LocalDateTime.class)), discarded));
                })
                .list();
    }

    long journalCount(String organizationId, String workspaceId, String menu) {
        return jdbc.sql("SELECT COUNT(*) FROM menu_journal WHERE organization_id = ? AND workspace_id = ? AND menu_name = ?")
                .params(organizationId, workspaceId, menu).query(Long.class).single();
    }

    /**
     * The distinct values of a column of a menu's records not discarded, in the database's order, at most
     * {@code limit} (a text longer than its key by its key).
     */
    List<String> values(String organizationId, String workspaceId, String menu, String column, int limit) {
        return jdbc.sql("SELECT DISTINCT v.value_key FROM menu_value v JOIN menu_record r ON r.record_id = v.record_id "
                        + "WHERE v.column_key = ? AND r.discard = '0' ORDER BY v.value_key LIMIT " + limit)
                .params(columnKey(organizationId, workspaceId, menu, column)).query(String.class).list();
    }

    /** The journals of these records, each oldest first, by record id (a bounded number of ids per query). */
    Map<String, List<JournalEntry>> journals(List<String> recordIds) {
        Map<String, List<JournalEntry>> journals = new LinkedHashMap<>();
        for (int from = 0; from < recordIds.size(); from += IDS_PER_QUERY) {
            List<String> some = recordIds.subList(from, Math.min(recordIds.size(), from + IDS_PER_QUERY));
            jdbc.sql("SELECT journal_id, action, record_data, changed_by, changed_at, record_id FROM menu_journal "
                            + "WHERE record_id IN (" + marks(some.size()) + ") ORDER BY journal_id")
                    .params(new ArrayList<>(some))
                    .query((rs, n) -> {
                        Map<String, Object> data = json.readValue(rs.getString(3), MAP);
                        boolean discarded = "1".equals(data.remove("discard"));
                        return journals.computeIfAbsent(rs.getString(6), k -> new ArrayList<>()).add(new JournalEntry(
                                rs.getLong(1), rs.getString(2), data, rs.getString(4),
                                Times.fromDb(rs.getObject(5, LocalDateTime.class)), discarded));
                    })
                    .list();
        }
        return journals;
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
