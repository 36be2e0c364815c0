package dev.jita.transfer;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.BackyardItems;
import dev.jita.core.ApiException;
import dev.jita.core.JsonBody;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code excel/bulk/upload/} and {@code excel/bulk/import/execute/}: the check and keeping of an uploaded zip,
 * and the registration of its import (an {@code ita-by-excel-export-import} item with its {@code excel_job} row,
 * execution type 2), each in one transaction of the maintenance gate (498-00017 in load mode, before the body
 * is read).
 */
@Service
class ExcelImports {

    static final int IMPORT = 2;

    private final MenuTree tree;
    private final ExcelJobs jobs;
    private final ExcelUploads uploads;
    private final TransferFiles files;
    private final BackyardItems items;
    private final MaintenanceGate gate;
    private final JsonBody json;
    private final ObjectMapper mapper;
    private final ExcelZip.Limits limits;

    ExcelImports(MenuTree tree, ExcelJobs jobs, ExcelUploads uploads, TransferFiles files, BackyardItems items,
                 MaintenanceGate gate, JsonBody json, ObjectMapper mapper,
                 @Value("${jita.excel-import.max-entries:10000}") int maxEntries,
                 @Value("${jita.excel-import.max-uncompressed-size:1GB}") DataSize maxUncompressed) {
        this.tree = tree;
        this.jobs = jobs;
        this.uploads = uploads;
        this.files = files;
        this.items = items;
        this.gate = gate;
        this.json = json;
        this.mapper = mapper;
        this.limits = new ExcelZip.Limits(maxEntries, maxUncompressed.toBytes());
    }

    ExcelZip.Limits limits() {
        return limits;
    }

    /** The file as uploaded: its name and bytes (read inside the gate's transaction). */
    record Uploaded(String fileName, byte[] content) {
    }

    /** Checks and keeps the zip; what it holds, split into what the caller may import and what not. */
    Map<String, Object> upload(String organizationId, String workspaceId, String user, boolean japanese,
                               java.util.function.Supplier<Uploaded> request) {
        return gate.write(Refusal.EXCEL_IMPORT, () -> {
            Uploaded uploaded = request.get();
            List<ExcelZip.Listed> listed = ExcelZip.check(new ByteArrayInputStream(uploaded.content()), limits);
            Map<String, MenuTree.Entry> importable = new LinkedHashMap<>();
            tree.entries(organizationId, workspaceId, MenuTree.EXCEL_EXPORT)
                    .forEach(entry -> importable.put(entry.menu().restName(), entry));
            Map<String, Object> importList = new LinkedHashMap<>();
            Map<String, Object> unimportList = new LinkedHashMap<>();
            for (ExcelZip.Listed menu : listed) {
                MenuTree.Entry entry = importable.get(menu.restName());
                if (entry == null) {
                    Map<String, Object> group = group(unimportList, "", japanese ? "不明なメニュー" : "Unknown menus", 0);
                    add(group, menu.restName(), menu.restName(), menu.fileName(), 0, japanese
                            ? "このワークスペースにはインポートできるこのメニューがありません。"
                            : "This workspace has no menu of this REST name that can be imported.");
                } else {
                    Map<String, Object> group = group(importList, entry.group().id, entry.group().name(japanese),
                            entry.group().displayOrder);
                    add(group, menu.restName(), japanese ? entry.menu().nameJa() : entry.menu().nameEn(),
                            menu.fileName(), entry.displayOrder(), null);
                }
            }
            String fileId = files.store(new ByteArrayInputStream(uploaded.content()));
            String uploadId = uploads.insert(organizationId, workspaceId, uploaded.fileName(), fileId, user);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("upload_id", uploadId);
            answer.put("data_portability_upload_file_name", uploaded.fileName());
            answer.put("import_list", importList);
            answer.put("umimport_list", unimportList);
            return answer;
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> group(Map<String, Object> list, String id, String name, int displayOrder) {
        return (Map<String, Object>) list.computeIfAbsent(id, k -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("menu_group_name", name);
            group.put("disp_seq", displayOrder);
            group.put("parent_id", null);
            group.put("menu", new LinkedHashMap<String, Object>());
            return group;
        });
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> group, String id, String name, String fileName, int displayOrder,
                            String reason) {
        Map<String, Object> menus = (Map<String, Object>) group.get("menu");
        Map<String, Object> menu = new LinkedHashMap<>();
        menu.put("menu_id", id);
        menu.put("menu_name", name);
        menu.put("file_name", fileName);
        menu.put("disp_seq", displayOrder);
        if (reason != null) {
            menu.put("reason", reason);
        }
        menus.put(String.valueOf(menus.size()), menu);
    }

    /** Registers the import of an upload; 499-00701 with the reasons per field for a bad request. */
    Map<String, String> execute(String organizationId, String workspaceId, String user, boolean japanese, String raw) {
        return gate.write(Refusal.EXCEL_IMPORT, () -> {
            JsonNode body = json.object(raw);
            Map<String, List<String>> reasons = new TreeMap<>();
            Optional<ExcelUploads.Upload> upload = Optional.empty();
            JsonNode uploadId = body.get("upload_id");
            if (uploadId == null || !uploadId.isString()) {
                reason(reasons, "upload_id", japanese ? "upload_id を文字列で指定してください。"
                        : "Give the upload_id that excel/bulk/upload/ answered, a string.");
            } else {
                upload = uploads.find(organizationId, workspaceId, uploadId.stringValue());
                if (upload.isEmpty()) {
                    reason(reasons, "upload_id", japanese ? "このワークスペースにこの ID のアップロードはありません: "
                            + uploadId.stringValue() : "This workspace has no upload of this id (an upload is imported "
                            + "once): " + uploadId.stringValue());
                }
            }
            JsonNode fileName = body.get("data_portability_upload_file_name");
            if (fileName == null || !fileName.isString()
                    || upload.isPresent() && !upload.get().fileName().equals(fileName.stringValue())) {
                reason(reasons, "data_portability_upload_file_name", japanese
                        ? "アップロードの応答のファイル名を指定してください。"
                        : "Give the file name that excel/bulk/upload/ answered for this upload.");
            }
            List<String> menus = menus(organizationId, workspaceId, body.get("menu"), upload, japanese, reasons);
            if (!reasons.isEmpty()) {
                throw new ApiException("499-00701", "menu.invalid", mapper.writeValueAsString(reasons))
                        .withData(Map.of("errors", reasons));
            }
            String executionNo = items.register(Backyard.EXCEL_EXPORT_IMPORT, organizationId, workspaceId, user, null, null,
                    "import");
            jobs.insert(executionNo, IMPORT, null, menus, japanese ? "ja" : "en", user);
            jobs.setFile(executionNo, upload.get().fileName(), upload.get().fileId());
            uploads.delete(upload.get().uploadId());
            return Map.of("execution_no", executionNo);
        });
    }

    /** The REST names chosen, from {"<group id>": ["<menu id>", …]}: each listed in the zip and importable. */
    private List<String> menus(String organizationId, String workspaceId, JsonNode given,
                               Optional<ExcelUploads.Upload> upload, boolean japanese,
                               Map<String, List<String>> reasons) {
        if (given == null || !given.isObject() || given.isEmpty()) {
            reason(reasons, "menu", japanese ? "インポートするメニューを {\"<メニューグループID>\": [\"<メニューID>\"]} で指定してください。"
                    : "Give the menus to import as {\"<menu group id>\": [\"<menu id>\", …]}.");
            return List.of();
        }
        Map<String, MenuTree.Entry> importable = new LinkedHashMap<>();
        tree.entries(organizationId, workspaceId, MenuTree.EXCEL_EXPORT)
                .forEach(entry -> importable.put(entry.menu().restName(), entry));
        Set<String> inZip = new LinkedHashSet<>();
        if (upload.isPresent()) {
            files.open(upload.get().fileId()).ifPresent(in -> ExcelZip.check(in, limits)
                    .forEach(listed -> inZip.add(listed.restName())));
        }
        Set<String> menus = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> group : given.properties()) {
            if (!group.getValue().isArray()) {
                reason(reasons, "menu", japanese ? "メニューグループの値はメニューIDの配列です: " + group.getKey()
                        : "A menu group's value is an array of menu ids: " + group.getKey());
                continue;
            }
            for (JsonNode item : group.getValue().values()) {
                String id = item.isString() ? item.stringValue() : item.toString();
                MenuTree.Entry entry = importable.get(id);
                if (!item.isString() || entry == null) {
                    reason(reasons, "menu", japanese ? "インポートできるメニューではありません: " + id
                            : "No menu of this workspace that can be imported has this id: " + id);
                } else if (!entry.group().id.equals(group.getKey())) {
                    reason(reasons, "menu", japanese ? "メニューのグループが違います: " + id
                            : "The menu is not in the group " + group.getKey() + ": " + id);
                } else if (upload.isPresent() && !inZip.contains(id)) {
                    reason(reasons, "menu", japanese ? "アップロードしたファイルにないメニューです: " + id
                            : "The uploaded zip holds no workbook of this menu: " + id);
                } else if (!menus.add(id)) {
                    reason(reasons, "menu", japanese ? "同じメニューが 2 回指定されています: " + id
                            : "The menu is given twice: " + id);
                }
            }
        }
        if (menus.isEmpty() && !reasons.containsKey("menu")) {
            reason(reasons, "menu", japanese ? "メニューを 1 つ以上指定してください。" : "Give at least one menu.");
        }
        return new ArrayList<>(menus);
    }

    private static void reason(Map<String, List<String>> reasons, String field, String reason) {
        reasons.computeIfAbsent(field, k -> new ArrayList<>()).add(reason);
    }
}
