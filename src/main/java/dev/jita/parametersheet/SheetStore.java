package dev.jita.parametersheet;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.BackyardItems;
import dev.jita.core.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The sheet_definition and sheet_history tables. A definition is kept as the body of
 * {@code create/define/execute/} in jita's normal form (see docs/parameter-sheets.md): the {@code menu},
 * {@code group} and {@code column} objects, without {@code type}, with every id assigned.
 */
@Repository
class SheetStore {

    /** A sheet: what was last asked for, and what its menus are made of (null until made). */
    record Sheet(String menuCreateId, String organizationId, String workspaceId, String menuNameRest,
                 JsonNode definition, JsonNode createdDefinition, String createdBy, Instant createdAt,
                 String lastUpdateUser, Instant lastUpdate) {

        boolean created() {
            return createdDefinition != null;
        }
    }

    /** What a made sheet's menus are made of, as stored (the text is parsed once per change, see SheetMenus). */
    record Created(String menuCreateId, String menuNameRest, String definition) {
    }

    /** One create/define/execute/; its backyard item (same id) holds status and times. */
    record History(String historyId, String menuCreateId, int createType, JsonNode definition) {
    }

    static final int CREATE_NEW = 1;
    static final int INITIALIZE = 2;
    static final int EDIT = 3;

    private static final String COLUMNS = "menu_create_id, organization_id, workspace_id, menu_name_rest, definition, "
            + "created_definition, created_by, created_at, last_update_user, last_update_timestamp";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final BackyardItems items;

    SheetStore(JdbcClient jdbc, ObjectMapper json, BackyardItems items) {
        this.jdbc = jdbc;
        this.json = json;
        this.items = items;
    }

    Optional<Sheet> find(String organizationId, String workspaceId, String menuNameRest) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sheet_definition WHERE organization_id = ? AND workspace_id = ? "
                        + "AND menu_name_rest = ?")
                .params(organizationId, workspaceId, menuNameRest).query(this::sheet).optional();
    }

    Optional<Sheet> findById(String organizationId, String workspaceId, String menuCreateId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sheet_definition WHERE organization_id = ? AND workspace_id = ? "
                        + "AND menu_create_id = ?")
                .params(organizationId, workspaceId, menuCreateId).query(this::sheet).optional();
    }

    /** As {@link #findById}, the row locked until the caller's transaction ends: one definition change at a time. */
    Optional<Sheet> lockById(String organizationId, String workspaceId, String menuCreateId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sheet_definition WHERE organization_id = ? AND workspace_id = ? "
                        + "AND menu_create_id = ? FOR UPDATE")
                .params(organizationId, workspaceId, menuCreateId).query(this::sheet).optional();
    }

    /** Every sheet of a workspace, made or not, by REST name. */
    List<Sheet> all(String organizationId, String workspaceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sheet_definition WHERE organization_id = ? AND workspace_id = ? "
                        + "ORDER BY menu_name_rest")
                .params(organizationId, workspaceId).query(this::sheet).list();
    }

    /**
     * Keeps {@code definition} as the sheet's latest (a new sheet when {@code menuCreateId} names none yet), adds
     * its history and registers the ita-by-menu-create item, in the caller's transaction (which the maintenance
     * gate holds). Returns the history id.
     */
    String register(String organizationId, String workspaceId, String user, int createType, String menuCreateId,
                    String menuNameRest, JsonNode definition) {
        Instant now = Times.now();
        String text = json.writeValueAsString(definition);
        int updated = jdbc.sql("UPDATE sheet_definition SET definition = ?, menu_name_rest = ?, last_update_user = ?, "
                        + "last_update_timestamp = ? WHERE menu_create_id = ? AND organization_id = ? AND workspace_id = ?")
                .params(text, menuNameRest, user, Times.toDb(now), menuCreateId, organizationId, workspaceId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO sheet_definition (menu_create_id, organization_id, workspace_id, menu_name_rest, "
                            + "definition, created_by, created_at, last_update_user, last_update_timestamp) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(menuCreateId, organizationId, workspaceId, menuNameRest, text, user, Times.toDb(now), user,
                            Times.toDb(now))
                    .update();
        }
        // The sheet's id as exclusive key: its items run one at a time, in the order they were asked for.
        String historyId = items.register(Backyard.MENU_CREATE, organizationId, workspaceId, user, null, menuCreateId);
        jdbc.sql("INSERT INTO sheet_history (history_id, menu_create_id, create_type, definition) VALUES (?, ?, ?, ?)")
                .params(historyId, menuCreateId, createType, text).update();
        return historyId;
    }

    /**
     * A sheet made at once from a checked definition (a menu import): its definition is also what its menus are made
     * of, and it has no history of its own. In the caller's transaction.
     */
    void insertMade(String organizationId, String workspaceId, String user, JsonNode definition) {
        Instant now = Times.now();
        String text = json.writeValueAsString(definition);
        jdbc.sql("INSERT INTO sheet_definition (menu_create_id, organization_id, workspace_id, menu_name_rest, "
                        + "definition, created_definition, created_by, created_at, last_update_user, "
                        + "last_update_timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(definition.path("menu").path("menu_create_id").asString(), organizationId, workspaceId,
                        definition.path("menu").path("menu_name_rest").asString(), text, text, user, Times.toDb(now),
                        user, Times.toDb(now))
                .update();
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    Optional<History> history(String historyId) {
        return jdbc.sql("SELECT history_id, menu_create_id, create_type, definition FROM sheet_history WHERE history_id = ?")
                .param(historyId).query(this::historyRow).optional();
    }

    /** The histories of a workspace's sheets, oldest first (in the order their backyard items were registered). */
    List<History> histories(String organizationId, String workspaceId) {
        Map<String, Integer> order = new HashMap<>();
        for (BackyardItems.Item item : items.list(Backyard.MENU_CREATE, organizationId, workspaceId)) {
            order.put(item.itemId(), order.size());
        }
        return jdbc.sql("SELECT h.history_id, h.menu_create_id, h.create_type, h.definition FROM sheet_history h "
                        + "JOIN sheet_definition d ON d.menu_create_id = h.menu_create_id "
                        + "WHERE d.organization_id = ? AND d.workspace_id = ?")
                .params(organizationId, workspaceId).query(this::historyRow).list().stream()
                .sorted(Comparator.comparing((History h) -> order.getOrDefault(h.historyId(), Integer.MAX_VALUE))
                        .thenComparing(History::historyId))
                .toList();
    }

    /** The made sheets among those of the given REST names (one indexed query). */
    List<Created> created(String organizationId, String workspaceId, List<String> menuNameRests) {
        String marks = String.join(", ", menuNameRests.stream().map(n -> "?").toList());
        List<Object> params = new ArrayList<>(List.of(organizationId, workspaceId));
        params.addAll(menuNameRests);
        return jdbc.sql("SELECT menu_create_id, menu_name_rest, created_definition FROM sheet_definition "
                        + "WHERE organization_id = ? AND workspace_id = ? AND menu_name_rest IN (" + marks + ") "
                        + "AND created_definition IS NOT NULL")
                .params(params).query((rs, n) -> new Created(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Every made sheet of a workspace, by REST name. */
    List<Created> allCreated(String organizationId, String workspaceId) {
        return jdbc.sql("SELECT menu_create_id, menu_name_rest, created_definition FROM sheet_definition "
                        + "WHERE organization_id = ? AND workspace_id = ? AND created_definition IS NOT NULL "
                        + "ORDER BY menu_name_rest")
                .params(organizationId, workspaceId)
                .query((rs, n) -> new Created(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The sheet's menus are now made of {@code definition}. */
    void markCreated(String menuCreateId, JsonNode definition) {
        jdbc.sql("UPDATE sheet_definition SET created_definition = ? WHERE menu_create_id = ?")
                .params(json.writeValueAsString(definition), menuCreateId).update();
    }

    private Sheet sheet(ResultSet rs, int row) throws SQLException {
        String created = rs.getString(6);
        return new Sheet(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                json.readTree(rs.getString(5)), created == null ? null : json.readTree(created), rs.getString(7),
                Times.fromDb(rs.getObject(8, LocalDateTime.class)), rs.getString(9),
                Times.fromDb(rs.getObject(10, LocalDateTime.class)));
    }

    private History historyRow(ResultSet rs, int row) throws SQLException {
        return new History(rs.getString(1), rs.getString(2), rs.getInt(3), json.readTree(rs.getString(4)));
    }
}
