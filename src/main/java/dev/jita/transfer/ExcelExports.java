package dev.jita.transfer;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.BackyardItems;
import dev.jita.core.ApiException;
import dev.jita.core.JsonBody;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code excel/bulk/export/info/} and {@code excel/bulk/export/execute/}: the menus that may be exported, and the
 * registration of an export (an {@code ita-by-excel-export-import} item with its {@code excel_job} row) in one
 * transaction of the maintenance gate (498-00016 in load mode, before the body is read).
 */
@Service
class ExcelExports {

    static final Set<String> ABOLISHED_TYPES = Set.of("1", "2", "3");

    private final MenuTree tree;
    private final ExcelJobs jobs;
    private final BackyardItems items;
    private final MaintenanceGate gate;
    private final JsonBody json;
    private final ObjectMapper mapper;

    ExcelExports(MenuTree tree, ExcelJobs jobs, BackyardItems items, MaintenanceGate gate, JsonBody json,
                 ObjectMapper mapper) {
        this.tree = tree;
        this.jobs = jobs;
        this.items = items;
        this.gate = gate;
        this.json = json;
        this.mapper = mapper;
    }

    Map<String, Object> info(String organizationId, String workspaceId, boolean japanese) {
        return Map.of("menu_groups", tree.answer(organizationId, workspaceId, MenuTree.EXCEL_EXPORT, japanese));
    }

    /** Registers the export: its {@code execution_no}; 499-00701 with the reasons per field for a bad request. */
    Map<String, String> execute(String organizationId, String workspaceId, String user, boolean japanese, String raw) {
        return gate.write(Refusal.EXCEL_EXPORT, () -> {
            JsonNode body = json.object(raw);
            Map<String, List<String>> reasons = new TreeMap<>();
            List<String> menus = menus(organizationId, workspaceId, body.get("menu"), japanese, reasons);
            String abolished = abolishedType(body.get("abolished_type"), japanese, reasons);
            if (!reasons.isEmpty()) {
                throw new ApiException("499-00701", "menu.invalid", mapper.writeValueAsString(reasons))
                        .withData(Map.of("errors", reasons));
            }
            String executionNo = items.register(Backyard.EXCEL_EXPORT_IMPORT, organizationId, workspaceId, user, null, null,
                    "export");
            jobs.insert(executionNo, ExcelJobs.EXPORT, Integer.valueOf(abolished), menus, japanese ? "ja" : "en", user);
            return Map.of("execution_no", executionNo);
        });
    }

    private List<String> menus(String organizationId, String workspaceId, JsonNode given, boolean japanese,
                               Map<String, List<String>> reasons) {
        if (given == null || !given.isArray() || given.isEmpty()) {
            reason(reasons, "menu", japanese ? "エクスポートするメニューの REST 名を 1 つ以上の配列で指定してください。"
                    : "Give the REST names of the menus to export, an array of at least one.");
            return List.of();
        }
        Set<String> exportable = new LinkedHashSet<>();
        tree.entries(organizationId, workspaceId, MenuTree.EXCEL_EXPORT).forEach(entry -> exportable.add(entry.menu().restName()));
        Set<String> menus = new LinkedHashSet<>();
        for (JsonNode item : given.values()) {
            if (!item.isString()) {
                reason(reasons, "menu", japanese ? "メニューは REST 名の文字列で指定してください: " + item
                        : "A menu is given by its REST name, a string: " + item);
            } else if (!exportable.contains(item.stringValue())) {
                reason(reasons, "menu", japanese ? "エクスポートできるメニューではありません: " + item.stringValue()
                        : "No menu of this workspace that can be exported has this name: " + item.stringValue());
            } else if (!menus.add(item.stringValue())) {
                reason(reasons, "menu", japanese ? "同じメニューが 2 回指定されています: " + item.stringValue()
                        : "The menu is given twice: " + item.stringValue());
            }
        }
        return new ArrayList<>(menus);
    }

    private static String abolishedType(JsonNode given, boolean japanese, Map<String, List<String>> reasons) {
        if (given == null || !given.isString() || !ABOLISHED_TYPES.contains(given.stringValue())) {
            reason(reasons, "abolished_type", japanese
                    ? "\"1\" (全レコード)、\"2\" (廃止を含まない)、\"3\" (廃止のみ) のいずれかを指定してください。"
                    : "Give \"1\" (all records), \"2\" (exclude discarded records) or \"3\" (only discarded records).");
            return null;
        }
        return given.stringValue();
    }

    private static void reason(Map<String, List<String>> reasons, String field, String reason) {
        reasons.computeIfAbsent(field, k -> new ArrayList<>()).add(reason);
    }
}
