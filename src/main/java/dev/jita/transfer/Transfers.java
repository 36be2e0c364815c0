package dev.jita.transfer;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.BackyardItems;
import dev.jita.core.ApiException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the web pages of menu export/import and Excel bulk export/import use: the same services as the API's
 * endpoints (the same checks, refusals and load-mode gate), with their answers as values a page shows. Callers
 * check the caller's rights in the workspace first, as the endpoints do.
 */
@Service
public class Transfers {

    /** A menu of a tree: its REST name and its name in the page's language. */
    public record Menu(String restName, String name) implements Serializable {
    }

    /** A menu group of a tree, with its menus in display order. */
    public record Group(String id, String name, List<Menu> menus) implements Serializable {
    }

    /**
     * A checked {@code .kym} waiting for its import: what its {@code DP_INFO} says (mode, abolished and journal type
     * as "1"/"2"), its format, whether it carries passwords encrypted with a passphrase, and its menus.
     */
    public record MenuArchive(String uploadId, String fileName, String mode, String abolishedType, String journalType,
                              String specifiedTime, String format, boolean passwords, List<Group> groups)
            implements Serializable {
    }

    /** A menu of an uploaded Excel zip that cannot be imported here, and why. */
    public record Unimportable(String restName, String fileName, String reason) implements Serializable {
    }

    /** A checked Excel zip waiting for its import: the menus it holds that can be imported, and the others. */
    public record ExcelUpload(String uploadId, String fileName, List<Group> importable, List<Unimportable> others)
            implements Serializable {
    }

    /**
     * A job of a list menu, named in the page's language.
     *
     * @param statusId 1 Unexecuted, 2 Executing, 3 Completed, 4 Completed (error)
     * @param fileName the result file (archive or zip; an import's uploaded file), null until there is one
     * @param logName the log or result file, null until there is one
     */
    public record Job(String executionNo, int statusId, String status, String type, String mode, String abolished,
                      String specifiedTime, String user, Instant registered, Instant started, Instant ended,
                      String fileName, String logName, String note) {

        /** Completed, with or without error. */
        public boolean finished() {
            return statusId == 3 || statusId == 4;
        }
    }

    /** A result file: its name and its bytes as a stream, for the caller to close. */
    public record Download(String name, InputStream content) {
    }

    private final MenuTree tree;
    private final MenuExports menuExports;
    private final MenuImports menuImports;
    private final MenuExportStore store;
    private final ExcelExports excelExports;
    private final ExcelImports excelImports;
    private final ExcelJobs excelJobs;
    private final BackyardItems items;
    private final TransferFiles files;
    private final ObjectMapper json;

    Transfers(MenuTree tree, MenuExports menuExports, MenuImports menuImports, MenuExportStore store,
              ExcelExports excelExports, ExcelImports excelImports, ExcelJobs excelJobs, BackyardItems items,
              TransferFiles files, ObjectMapper json) {
        this.tree = tree;
        this.menuExports = menuExports;
        this.menuImports = menuImports;
        this.store = store;
        this.excelExports = excelExports;
        this.excelImports = excelImports;
        this.excelJobs = excelJobs;
        this.items = items;
        this.files = files;
        this.json = json;
    }

    public List<Group> menuExportTree(String organizationId, String workspaceId, boolean japanese) {
        return groups(tree.entries(organizationId, workspaceId, MenuTree.MENU_EXPORT), japanese);
    }

    public List<Group> excelExportTree(String organizationId, String workspaceId, boolean japanese) {
        return groups(tree.entries(organizationId, workspaceId, MenuTree.EXCEL_EXPORT), japanese);
    }

    private static List<Group> groups(List<MenuTree.Entry> entries, boolean japanese) {
        Map<MenuTree.Group, List<Menu>> byGroup = new LinkedHashMap<>();
        for (MenuTree.Entry entry : entries) {
            byGroup.computeIfAbsent(entry.group(), g -> new ArrayList<>()).add(new Menu(entry.menu().restName(),
                    japanese ? entry.menu().nameJa() : entry.menu().nameEn()));
        }
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((group, menus) -> groups.add(new Group(group.id, group.name(japanese), menus)));
        return groups;
    }

    /**
     * Registers a menu export as {@code bulk/export/execute/} does; its execution number. Refusals are the API's
     * (498-00014, 499-01501, 499-00005 with the reasons per field).
     */
    public String exportMenus(String organizationId, String workspaceId, String user, String language, String mode,
                              String abolishedType, String journalType, String specifiedTimestamp, List<String> menus,
                              String passphrase) {
        ObjectNode request = json.createObjectNode();
        request.put("mode", mode);
        request.put("abolished_type", abolishedType);
        request.put("journal_type", journalType);
        if (specifiedTimestamp != null) {
            request.put("specified_timestamp", specifiedTimestamp);
        }
        menus.forEach(request.putArray("menu")::add);
        if (passphrase != null) {
            request.put("passphrase", passphrase);
        }
        return menuExports.register(organizationId, workspaceId, user, language, json.writeValueAsString(request))
                .get("execution_no");
    }

    /** Checks and keeps a {@code .kym} as {@code import/upload/} does (498-00015, 499-00905 with the reason). */
    public MenuArchive checkMenuArchive(String organizationId, String workspaceId, String fileName, byte[] archive,
                                        boolean japanese) {
        if (fileName == null || fileName.isBlank() || fileName.length() > 255) {
            throw ApiException.badRequest("error.field_required", "file");
        }
        MenuImports.Kept kept = menuImports.upload(organizationId, workspaceId, fileName, archive, japanese);
        JsonNode dp = kept.checked().dpInfo();
        List<Group> groups = new ArrayList<>();
        for (JsonNode group : kept.checked().menuGroups().path("menu_groups")) {
            List<Menu> menus = new ArrayList<>();
            for (JsonNode menu : group.path("menus")) {
                menus.add(new Menu(menu.path("menu_name_rest").asString(""),
                        menu.path(japanese ? "menu_name_ja" : "menu_name_en").asString("")));
            }
            groups.add(new Group(group.path("id").asString(""),
                    group.path(japanese ? "menu_group_name_ja" : "menu_group_name_en").asString(""), menus));
        }
        return new MenuArchive((String) kept.answer().get("upload_id"), fileName, dp.path("DP_MODE").asString(),
                dp.path("ABOLISHED_TYPE").asString(), dp.path("JOURNAL_TYPE").asString(),
                dp.path("SPECIFIED_TIMESTAMP").asString(null), MenuExportRun.FORMAT + " " + MenuExportRun.VERSION,
                kept.checked().secrets(), groups);
    }

    /** Registers the import of a kept archive as {@code import/execute/} does; its execution number. */
    public String importMenus(String organizationId, String workspaceId, String user, String language,
                              String uploadId, List<String> menus, String passphrase) {
        ObjectNode request = json.createObjectNode();
        request.put("upload_id", uploadId);
        menus.forEach(request.putArray("menu")::add);
        if (passphrase != null) {
            request.put("passphrase", passphrase);
        }
        return menuImports.register(organizationId, workspaceId, user, language, json.writeValueAsString(request))
                .get("execution_no");
    }

    /** Registers an Excel bulk export as {@code excel/bulk/export/execute/} does; its execution number. */
    public String exportExcel(String organizationId, String workspaceId, String user, boolean japanese,
                              List<String> menus, String abolishedType) {
        ObjectNode request = json.createObjectNode();
        menus.forEach(request.putArray("menu")::add);
        request.put("abolished_type", abolishedType);
        return excelExports.execute(organizationId, workspaceId, user, japanese, json.writeValueAsString(request))
                .get("execution_no");
    }

    /** Checks and keeps an Excel zip as {@code excel/bulk/upload/} does (498-00017, 499-0130x). */
    @SuppressWarnings("unchecked")
    public ExcelUpload checkExcelZip(String organizationId, String workspaceId, String user, boolean japanese,
                                     String fileName, byte[] zip) {
        if (fileName == null || fileName.isBlank() || fileName.length() > 255) {
            throw ApiException.badBody("excel.bad_upload");
        }
        Map<String, Object> answer = excelImports.upload(organizationId, workspaceId, user, japanese,
                () -> new ExcelImports.Uploaded(fileName, zip));
        List<Group> importable = new ArrayList<>();
        ((Map<String, Object>) answer.get("import_list")).forEach((id, value) -> {
            Map<String, Object> group = (Map<String, Object>) value;
            List<Menu> menus = new ArrayList<>();
            ((Map<String, Object>) group.get("menu")).values().forEach(m -> {
                Map<String, Object> menu = (Map<String, Object>) m;
                menus.add(new Menu((String) menu.get("menu_id"), (String) menu.get("menu_name")));
            });
            importable.add(new Group(id, (String) group.get("menu_group_name"), menus));
        });
        List<Unimportable> others = new ArrayList<>();
        ((Map<String, Object>) answer.get("umimport_list")).values().forEach(value ->
                ((Map<String, Object>) ((Map<String, Object>) value).get("menu")).values().forEach(m -> {
                    Map<String, Object> menu = (Map<String, Object>) m;
                    others.add(new Unimportable((String) menu.get("menu_id"), (String) menu.get("file_name"),
                            (String) menu.get("reason")));
                }));
        return new ExcelUpload((String) answer.get("upload_id"), fileName, importable, others);
    }

    /**
     * Registers the import of a kept zip as {@code excel/bulk/import/execute/} does, the menus given by REST name
     * (each sent in its group); its execution number.
     */
    public String importExcel(String organizationId, String workspaceId, String user, boolean japanese,
                              String uploadId, String fileName, List<String> menus) {
        Map<String, String> groupOf = new HashMap<>();
        tree.entries(organizationId, workspaceId, MenuTree.EXCEL_EXPORT)
                .forEach(entry -> groupOf.put(entry.menu().restName(), entry.group().id));
        ObjectNode request = json.createObjectNode();
        request.put("upload_id", uploadId);
        request.put("data_portability_upload_file_name", fileName);
        ObjectNode chosen = request.putObject("menu");
        // A menu of no group here is sent as it is, for the service to name it among its reasons.
        menus.forEach(menu -> chosen.withArray(groupOf.getOrDefault(menu, "")).add(menu));
        return excelImports.execute(organizationId, workspaceId, user, japanese, json.writeValueAsString(request))
                .get("execution_no");
    }

    /** The workspace's menu exports and imports, newest first. */
    public List<Job> menuJobs(String organizationId, String workspaceId, boolean japanese) {
        Map<String, MenuExportStore.Row> rows = store.all(organizationId, workspaceId).stream()
                .collect(Collectors.toMap(MenuExportStore.Row::executionNo, Function.identity()));
        List<Job> jobs = new ArrayList<>();
        for (BackyardItems.Item item : items.list(Backyard.MENU_EXPORT_IMPORT, organizationId, workspaceId)) {
            MenuExportStore.Row row = rows.get(item.itemId());
            if (row != null) {
                boolean export = row.executionType() == MenuExportStore.EXPORT;
                jobs.add(job(item, japanese, export, name(MODES, row.mode(), japanese),
                        name(ABOLISHED, row.abolishedType(), japanese), row.specifiedTime(),
                        row.fileId() == null ? null : row.fileName(), row.logId() == null ? null : row.logName()));
            }
        }
        return newestFirst(jobs);
    }

    /** The workspace's Excel bulk exports and imports, newest first. */
    public List<Job> excelJobs(String organizationId, String workspaceId, boolean japanese) {
        List<BackyardItems.Item> listed = items.list(Backyard.EXCEL_EXPORT_IMPORT, organizationId, workspaceId);
        Map<String, ExcelJobs.Job> byNo = excelJobs.all(listed.stream().map(BackyardItems.Item::itemId).toList())
                .stream().collect(Collectors.toMap(ExcelJobs.Job::executionNo, Function.identity()));
        List<Job> jobs = new ArrayList<>();
        for (BackyardItems.Item item : listed) {
            ExcelJobs.Job job = byNo.get(item.itemId());
            if (job != null) {
                jobs.add(job(item, japanese, job.executionType() == ExcelJobs.EXPORT, null,
                        job.abolishedType() == null ? null : name(ABOLISHED, String.valueOf(job.abolishedType()), japanese),
                        null, job.fileId() == null ? null : job.fileName(),
                        job.resultFileId() == null ? null : job.resultFileName()));
            }
        }
        return newestFirst(jobs);
    }

    private static Job job(BackyardItems.Item item, boolean japanese, boolean export, String mode, String abolished,
                           String specifiedTime, String fileName, String logName) {
        return new Job(item.itemId(), item.statusId(), item.backyard().statusTable().name(item.statusId(), japanese),
                name(TYPES, export ? "1" : "2", japanese), mode, abolished, specifiedTime, item.registeredBy(),
                item.registeredAt(), item.startedAt(), item.endedAt(), fileName, logName, item.note());
    }

    private static List<Job> newestFirst(List<Job> jobs) {
        List<Job> sorted = new ArrayList<>(jobs);
        sorted.sort((a, b) -> b.registered().compareTo(a.registered()));
        return sorted;
    }

    /** The archive ({@code file_name}) or log ({@code execution_log}) of a menu export or import; 404 if none. */
    public Download menuFile(String organizationId, String workspaceId, String executionNo, String column) {
        MenuExports.Download download = menuExports.download(organizationId, workspaceId, executionNo, column);
        return new Download(download.name(), download.content());
    }

    /** The zip ({@code file_name}) or result file ({@code result_file}) of an Excel job; 404 if none. */
    public Download excelFile(String organizationId, String workspaceId, String executionNo, String column) {
        ExcelJobs.Job job = items.find(executionNo)
                .filter(found -> found.backyard() == Backyard.EXCEL_EXPORT_IMPORT
                        && found.organizationId().equals(organizationId) && found.workspaceId().equals(workspaceId))
                .flatMap(found -> excelJobs.find(found.itemId()))
                .orElseThrow(() -> ApiException.notFound("menu.record_not_found", executionNo));
        String name;
        String fileId;
        if (ExcelList.FILE_NAME.equals(column)) {
            name = job.fileName();
            fileId = job.fileId();
        } else if (ExcelList.RESULT_FILE.equals(column)) {
            name = job.resultFileName();
            fileId = job.resultFileId();
        } else {
            throw ApiException.notFound("menu.column_not_found", column);
        }
        if (fileId == null) {
            throw ApiException.notFound("menu.file_not_found", column);
        }
        return new Download(name, files.open(fileId).orElseThrow(() -> ApiException.notFound("menu.file_not_found", column)));
    }

    private static final Map<String, String[]> TYPES = Map.of("1", new String[] {"Export", "エクスポート"},
            "2", new String[] {"Import", "インポート"});
    private static final Map<String, String[]> MODES = Map.of("1", new String[] {"Environment migration", "環境移行"},
            "2", new String[] {"Time specified", "時刻指定"});
    private static final Map<String, String[]> ABOLISHED = Map.of("1", new String[] {"All records", "全レコード"},
            "2", new String[] {"Exclude discarded records", "廃止を含まない"},
            "3", new String[] {"Only discarded records", "廃止のみ"});

    private static String name(Map<String, String[]> names, String id, boolean japanese) {
        String[] name = id == null ? null : names.get(id);
        return name == null ? id : name[japanese ? 1 : 0];
    }
}
