package dev.jita.transfer;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.BackyardItems;
import dev.jita.menu.Column;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuRecordSource;
import dev.jita.menu.MenuService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code bulk_excel_export_import_list}: the workspace's Excel bulk exports and imports as a read-only menu,
 * searched through the same endpoints as every menu; the files are downloaded through {@link ExcelDownloads}.
 * {@code remarks} shows why a job ended in error (the backyard item's note).
 */
@Component
class ExcelList implements MenuCatalog.MenuProvider, MenuRecordSource {

    static final String MENU = "bulk_excel_export_import_list";
    static final String FILE_NAME = "file_name";
    static final String RESULT_FILE = "result_file";
    private static final MenuDefinition DEFINITION = new MenuDefinition(MENU, "Excel bulk export/import list",
            "Excel一括エクスポート・インポート管理", List.of(
            Column.id("execution_no", "Execution No.", "実行No."),
            text("status", "Status", "ステータス"),
            text("execution_type", "Execution type", "処理種別"),
            text("abolished_type", "Discarded records", "廃止情報"),
            text("execution_user", "Execution user", "実行ユーザ"),
            Column.file(FILE_NAME, "File name", "ファイル名", false).filledByJita(),
            text("language", "Language", "言語"),
            Column.file(RESULT_FILE, "Result file", "結果ファイル", false).filledByJita()),
            List.of(), false);

    private final BackyardItems items;
    private final ExcelJobs jobs;

    ExcelList(BackyardItems items, ExcelJobs jobs) {
        this.items = items;
        this.jobs = jobs;
    }

    private static Column text(String restName, String en, String ja) {
        return Column.text(restName, en, ja, false, false, 255).filledByJita();
    }

    @Override
    public List<MenuDefinition> menus() {
        return List.of(DEFINITION);
    }

    @Override
    public String menu() {
        return MENU;
    }

    @Override
    public List<MenuService.Record> records(String organizationId, String workspaceId) {
        List<BackyardItems.Item> listed = items.list(Backyard.EXCEL_EXPORT_IMPORT, organizationId, workspaceId);
        Map<String, ExcelJobs.Job> byNo = jobs.all(listed.stream().map(BackyardItems.Item::itemId).toList()).stream()
                .collect(Collectors.toMap(ExcelJobs.Job::executionNo, Function.identity()));
        return listed.stream().filter(item -> byNo.containsKey(item.itemId())).map(item -> {
            ExcelJobs.Job job = byNo.get(item.itemId());
            Map<String, Object> parameter = new LinkedHashMap<>();
            parameter.put("uuid", item.itemId());
            parameter.put("execution_no", item.itemId());
            parameter.put("status", Backyard.EXCEL_EXPORT_IMPORT.statusTable().name(item.statusId(), false));
            parameter.put("execution_type", job.executionType() == ExcelJobs.EXPORT ? "Export" : "Import");
            parameter.put("abolished_type", job.abolishedType() == null ? null : switch (job.abolishedType()) {
                case 2 -> "Exclude discarded records";
                case 3 -> "Only discarded records";
                default -> "All records";
            });
            parameter.put("execution_user", job.executionUser());
            parameter.put(FILE_NAME, job.fileName());
            parameter.put("language", job.language());
            parameter.put(RESULT_FILE, job.resultFileName());
            parameter.put("remarks", item.note());
            parameter.put("discard", "0");
            parameter.put("last_update_date_time", MenuService.STAMP.format(item.lastUpdateTimestamp()));
            parameter.put("last_updated_user", job.executionUser());
            return new MenuService.Record(item.itemId(), parameter, Map.of(), false);
        }).toList();
    }
}
