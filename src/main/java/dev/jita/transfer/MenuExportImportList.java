package dev.jita.transfer;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.BackyardItems;
import dev.jita.backyard.StatusTable;
import dev.jita.menu.Column;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuRecordSource;
import dev.jita.menu.MenuService;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code menu_export_import_list}: the workspace's menu exports and imports as a read-only menu, searched through
 * the same endpoints as every menu, with the display names of Exastro's masters in English as jita's other lists;
 * the result archive and the log are downloaded from {@code <execution_no>/file_name/file/} and
 * {@code <execution_no>/execution_log/file/}.
 */
@Component
class MenuExportImportList implements MenuCatalog.MenuProvider, MenuRecordSource {

    static final String MENU = "menu_export_import_list";
    private static final Map<Integer, String> EXECUTION_TYPES = Map.of(1, "Export", 2, "Import");
    private static final Map<String, String> MODES = Map.of("1", "Environment migration", "2", "Time specified");
    private static final Map<String, String> ABOLISHED = Map.of("1", "All records", "2", "Exclude discarded records",
            "3", "Only discarded records");
    private static final Map<String, String> JOURNALS = Map.of("1", "History available", "2", "No history");
    private static final MenuDefinition DEFINITION = new MenuDefinition(MENU, "Menu export/import list",
            "メニューエクスポート・インポート管理", List.of(
            Column.id("execution_no", "Execution No.", "実行No."),
            text("status", "Status", "ステータス"),
            text("execution_type", "Execution type", "処理種別"),
            text("mode", "Mode", "モード"),
            text("abolished_type", "Abolished type", "廃止情報"),
            text("specified_time", "Specified time", "指定時刻"),
            Column.file("file_name", "File name", "ファイル名", false).filledByJita(),
            text("execution_user", "Execution user", "実行ユーザ"),
            Column.multiline("json_storage_item", "Request", "リクエスト", false, 65536).filledByJita(),
            text("language", "Language", "言語"),
            Column.file("execution_log", "Execution log", "実行ログ", false).filledByJita(),
            text("journal_type", "Journal type", "履歴情報")),
            List.of(), false);

    private final MenuExportStore store;
    private final BackyardItems items;
    private final ObjectMapper json;

    MenuExportImportList(MenuExportStore store, BackyardItems items, ObjectMapper json) {
        this.store = store;
        this.items = items;
        this.json = json;
    }

    @Override
    public List<MenuDefinition> menus() {
        return List.of(DEFINITION);
    }

    @Override
    public String menu() {
        return MENU;
    }

    private static Column text(String restName, String en, String ja) {
        return Column.text(restName, en, ja, false, false, 255).filledByJita();
    }

    /** In the order the requests were registered. */
    @Override
    public List<MenuService.Record> records(String organizationId, String workspaceId) {
        Map<String, MenuExportStore.Row> rows = new HashMap<>();
        store.all(organizationId, workspaceId).forEach(row -> rows.put(row.executionNo(), row));
        return items.list(Backyard.MENU_EXPORT_IMPORT, organizationId, workspaceId).stream()
                .filter(item -> rows.containsKey(item.itemId()))
                .map(item -> record(rows.get(item.itemId()), item)).toList();
    }

    private MenuService.Record record(MenuExportStore.Row row, BackyardItems.Item item) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("uuid", row.executionNo());
        parameter.put("execution_no", row.executionNo());
        parameter.put("status", StatusTable.EXPORT_IMPORT.name(item.statusId(), false));
        parameter.put("execution_type", EXECUTION_TYPES.get(row.executionType()));
        parameter.put("mode", MODES.get(row.mode()));
        parameter.put("abolished_type", ABOLISHED.get(row.abolishedType()));
        parameter.put("specified_time", row.specifiedTime());
        parameter.put("file_name", row.fileId() == null ? null : row.fileName());
        parameter.put("execution_user", item.registeredBy());
        parameter.put("json_storage_item", request(row));
        parameter.put("language", row.language());
        parameter.put("execution_log", row.logId() == null ? null : row.logName());
        parameter.put("journal_type", JOURNALS.get(row.journalType()));
        parameter.put("remarks", item.note());
        parameter.put("discard", "0");
        parameter.put("last_update_date_time", MenuService.STAMP.format(item.lastUpdateTimestamp()));
        parameter.put("last_updated_user", item.registeredBy());
        return new MenuService.Record(row.executionNo(), parameter, Map.of(), false);
    }

    /** What was asked for, as Exastro keeps the request, without the passphrase. */
    private String request(MenuExportStore.Row row) {
        ObjectNode request = json.createObjectNode();
        request.put("mode", row.mode());
        request.put("abolished_type", row.abolishedType());
        request.put("journal_type", row.journalType());
        request.put("specified_timestamp", row.specifiedTime());
        request.set("menu", json.readTree(row.menus()));
        return json.writeValueAsString(request);
    }
}
