package dev.jita.transfer;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.BackyardItems;
import dev.jita.core.ApiException;
import dev.jita.core.JsonBody;
import dev.jita.execution.WorkArea;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.menu.SecretBox;
import dev.jita.parametersheet.SheetImports;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Menu import requests: {@code import/upload/} checks a {@code .kym} archive and keeps it under an upload id;
 * {@code import/execute/} registers the import's item and row. Both in one transaction of the maintenance gate
 * (498-00015 in load mode, before the body is read); a bad archive is 499-00905 with the reason, and nothing kept.
 */
@Service
class MenuImports {

    /** The JSON body carries the archive in base64: a third more than the archive itself. */
    static final int MAX_BODY_BYTES = 40 * 1024 * 1024;

    /** What a checked archive says about itself. */
    record Checked(JsonNode dpInfo, List<String> menus, JsonNode menuGroups, boolean secrets,
                   Map<String, JsonNode> sheets) {

        /**
         * The archive's sheet definitions these menus need: theirs and those of the archive's sheets their pulldowns
         * and references name, each after the sheets it names.
         */
        List<JsonNode> sheetsFor(Collection<String> chosen) {
            Set<String> ordered = new LinkedHashSet<>();
            for (String menu : chosen) {
                visit(menu, new HashSet<>(), ordered);
            }
            return ordered.stream().map(sheets::get).toList();
        }

        private void visit(String menu, Set<String> visiting, Set<String> ordered) {
            JsonNode definition = sheets.get(menu);
            if (definition == null || ordered.contains(menu) || !visiting.add(menu)) {
                return;
            }
            for (JsonNode item : definition.path("column").values()) {
                for (String key : List.of("pulldown_menu", "parameter_sheet_reference_menu")) {
                    if (item.path(key).isString()) {
                        visit(item.path(key).stringValue(), visiting, ordered);
                    }
                }
            }
            ordered.add(menu);
        }
    }

    private final MaintenanceGate gate;
    private final JsonBody body;
    private final ObjectMapper json;
    private final BackyardItems items;
    private final MenuExportStore store;
    private final MenuTree tree;
    private final SecretBox secrets;
    private final TransferFiles files;
    private final WorkArea work;
    private final SheetImports sheets;
    private final long maxBytes;
    private final int maxEntries;

    MenuImports(MaintenanceGate gate, JsonBody body, ObjectMapper json, BackyardItems items, MenuExportStore store,
                MenuTree tree, SecretBox secrets, TransferFiles files, WorkArea work, SheetImports sheets,
                @Value("${jita.menu-import.max-unpacked-bytes:1073741824}") long maxBytes,
                @Value("${jita.menu-import.max-entries:100000}") int maxEntries) {
        this.gate = gate;
        this.body = body;
        this.json = json;
        this.items = items;
        this.store = store;
        this.tree = tree;
        this.secrets = secrets;
        this.files = files;
        this.work = work;
        this.sheets = sheets;
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
    }

    long maxBytes() {
        return maxBytes;
    }

    int maxEntries() {
        return maxEntries;
    }

    /** {@code import/upload/}: the archive checked and kept; what it holds, in Exastro's shape. */
    Map<String, Object> upload(String organizationId, String workspaceId, String raw, boolean japanese) {
        return gate.write(Refusal.MENU_IMPORT, () -> {
            JsonNode request = body.object(raw, MAX_BODY_BYTES);
            JsonNode file = request.get("file");
            if (file == null || !file.isObject()) {
                throw ApiException.badRequest("error.field_required", "file");
            }
            String name = JsonBody.requiredString(file, "name", 255);
            String base64 = JsonBody.requiredString(file, "base64", MAX_BODY_BYTES);
            byte[] archive;
            try {
                archive = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("import.bad_base64");
            }
            return keep(organizationId, workspaceId, name, archive, japanese).answer();
        });
    }

    /** An upload kept: the answer of {@code import/upload/} and what the check read. */
    record Kept(Map<String, Object> answer, Checked checked) {
    }

    /** The same check and keeping for an archive already read (a page's upload). */
    Kept upload(String organizationId, String workspaceId, String name, byte[] archive, boolean japanese) {
        return gate.write(Refusal.MENU_IMPORT, () -> keep(organizationId, workspaceId, name, archive, japanese));
    }

    private Kept keep(String organizationId, String workspaceId, String name, byte[] archive, boolean japanese) {
        Checked checked = check(new ByteArrayInputStream(archive));
        String fileId = files.store(new ByteArrayInputStream(archive));
        String uploadId = UUID.randomUUID().toString();
        store.insertUpload(uploadId, organizationId, workspaceId, name, fileId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("upload_id", uploadId);
        answer.put("file_name", name);
        answer.put("mode", checked.dpInfo().path("DP_MODE").asString());
        answer.put("abolished_type", checked.dpInfo().path("ABOLISHED_TYPE").asString());
        answer.put("specified_time", checked.dpInfo().path("SPECIFIED_TIMESTAMP").asString(null));
        answer.put("journal_type", checked.dpInfo().path("JOURNAL_TYPE").asString());
        answer.put("import_list", Map.of("menu_groups", groups(checked.menuGroups(), japanese)));
        return new Kept(answer, checked);
    }

    /** {@code import/execute/}: the registered item's id as {@code execution_no}. */
    Map<String, String> register(String organizationId, String workspaceId, String user, String language, String raw) {
        return gate.write(Refusal.MENU_IMPORT, () -> {
            JsonNode request = body.object(raw);
            Map<String, List<String>> reasons = new LinkedHashMap<>();
            String uploadId = JsonBody.requiredString(request, "upload_id", 36);
            MenuExportStore.Upload upload = store.takeUpload(organizationId, workspaceId, uploadId)
                    .orElseThrow(() -> invalid(Map.of("upload_id", List.of("no upload " + uploadId
                            + " of this workspace waits for its import"))));
            Checked checked;
            try (InputStream in = files.open(upload.fileId()).orElseThrow()) {
                checked = check(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            JsonNode chosen = request.get("menu");
            Set<String> menus = new LinkedHashSet<>();
            if (chosen == null || !chosen.isArray() || chosen.isEmpty()) {
                reasons.computeIfAbsent("menu", k -> new ArrayList<>()).add("give a list of menus (menu_name_rest)");
            } else {
                for (JsonNode item : chosen.values()) {
                    String menu = item.isString() ? item.stringValue() : item.toString();
                    if (!item.isString() || !checked.menus().contains(menu)) {
                        reasons.computeIfAbsent("menu", k -> new ArrayList<>()).add("not in the archive: " + menu);
                    } else if (!checked.sheets().containsKey(menu)
                            && tree.find(organizationId, workspaceId, menu, MenuTree.MENU_EXPORT).isEmpty()) {
                        reasons.computeIfAbsent("menu", k -> new ArrayList<>()).add("no menu of this workspace to "
                                + "import into: " + menu);
                    } else {
                        menus.add(menu);
                    }
                }
                for (JsonNode definition : checked.sheetsFor(menus)) {
                    sheets.conflict(organizationId, workspaceId, definition).ifPresent(reason ->
                            reasons.computeIfAbsent("menu", k -> new ArrayList<>()).add(reason));
                }
            }
            JsonNode given = request.get("passphrase");
            String passphrase = null;
            if (given != null && !given.isNull()) {
                if (!given.isString() || given.stringValue().length() < MenuExports.PASSPHRASE_MIN
                        || given.stringValue().length() > MenuExports.PASSPHRASE_MAX) {
                    reasons.computeIfAbsent("passphrase", k -> new ArrayList<>()).add("give "
                            + MenuExports.PASSPHRASE_MIN + " to " + MenuExports.PASSPHRASE_MAX
                            + " characters, or leave it out");
                } else {
                    passphrase = given.stringValue();
                }
            }
            if (!reasons.isEmpty()) {
                throw invalid(reasons);
            }
            JsonNode dp = checked.dpInfo();
            String executionNo = items.register(Backyard.MENU_EXPORT_IMPORT, organizationId, workspaceId, user, null, null,
                    "import");
            store.insert(new MenuExportStore.Row(executionNo, organizationId, workspaceId, MenuExportStore.IMPORT,
                    dp.path("DP_MODE").asString(), dp.path("ABOLISHED_TYPE").asString(),
                    dp.path("JOURNAL_TYPE").asString(), dp.path("SPECIFIED_TIMESTAMP").asString(null),
                    json.writeValueAsString(new ArrayList<>(menus)),
                    passphrase == null ? null : Base64.getEncoder().encodeToString(
                            secrets.seal(passphrase.getBytes(StandardCharsets.UTF_8))),
                    language, upload.fileName(), upload.fileId(), null, null));
            return Map.of("execution_no", executionNo);
        });
    }

    private ApiException invalid(Map<String, List<String>> reasons) {
        return new ApiException("499-00005", "import.invalid", json.writeValueAsString(reasons))
                .withData(Map.of("errors", reasons));
    }

    /**
     * Unpacks the archive into a directory removed afterwards and checks its layout; 499-00905 if it is bad. Runs
     * inside a write of the gate, giving way to load mode between chunks.
     */
    Checked check(InputStream archive) {
        Path directory = work.directoryFor("menu-import-check-" + UUID.randomUUID());
        try {
            Files.createDirectories(directory);
            return read(directory, ArchiveReader.unpack(archive, directory, maxBytes, maxEntries, gate::checkpoint));
        } catch (ArchiveReader.Refused e) {
            throw bad(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                WorkArea.deleteTree(directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The layout of an unpacked archive, checked: a known VERSION, DP_INFO, the menu list and MENU_GROUPS. */
    Checked read(Path directory, Set<String> names) {
        JsonNode version = entry(directory, names, "VERSION");
        if (!MenuExportRun.FORMAT.equals(version.path("format").asString(null))
                || version.path("version").asInt(-1) != MenuExportRun.VERSION) {
            throw bad("VERSION " + version + " is not a format this server reads (" + MenuExportRun.FORMAT + " "
                    + MenuExportRun.VERSION + ")");
        }
        JsonNode dp = entry(directory, names, "DP_INFO");
        for (String key : List.of("DP_MODE", "ABOLISHED_TYPE", "JOURNAL_TYPE")) {
            if (!Set.of("1", "2").contains(dp.path(key).asString(""))) {
                throw bad("DP_INFO has no valid " + key);
            }
        }
        if (!names.contains("MENU_NAME_REST_LIST")) {
            throw bad("MENU_NAME_REST_LIST is missing");
        }
        List<String> menus;
        try {
            menus = Arrays.stream(Files.readString(directory.resolve("MENU_NAME_REST_LIST"), StandardCharsets.UTF_8)
                    .split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw bad("MENU_NAME_REST_LIST is not text");
        }
        for (String menu : menus) {
            if (!names.contains(menu)) {
                throw bad("the records of " + menu + " are missing");
            }
        }
        JsonNode groups = entry(directory, names, "MENU_GROUPS");
        if (!groups.path("menu_groups").isArray()) {
            throw bad("MENU_GROUPS has no menu_groups");
        }
        if (names.contains("SECRETS")) {
            entry(directory, names, "SECRETS");
        }
        Map<String, JsonNode> sheets = new LinkedHashMap<>();
        if (names.contains("PARAMETER_SHEETS")) {
            JsonNode listed = entry(directory, names, "PARAMETER_SHEETS").path("parameter_sheets");
            if (!listed.isArray()) {
                throw bad("PARAMETER_SHEETS has no parameter_sheets");
            }
            for (JsonNode sheet : listed.values()) {
                JsonNode definition = sheet.path("definition");
                String rest = definition.isObject() ? SheetImports.restName(definition) : null;
                if (rest == null || !rest.equals(sheet.path("menu_name_rest").asString(null))) {
                    throw bad("PARAMETER_SHEETS holds a definition without its menu_name_rest");
                }
                sheets.put(rest, definition);
            }
        }
        return new Checked(dp, menus, groups, names.contains("SECRETS"), sheets);
    }

    private JsonNode entry(Path directory, Set<String> names, String name) {
        if (!names.contains(name)) {
            throw bad(name + " is missing");
        }
        try {
            JsonNode node = json.readTree(directory.resolve(name).toFile());
            if (node == null || !node.isObject()) {
                throw bad(name + " is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw bad(name + " is not JSON");
        }
    }

    static ApiException bad(String reason) {
        return new ApiException("499-00905", "import.bad_archive", reason);
    }

    /** MENU_GROUPS in the language of the request, as export/info/ shows the tree. */
    private static List<Map<String, Object>> groups(JsonNode archived, boolean japanese) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (JsonNode group : archived.path("menu_groups")) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("parent_id", group.path("parent_id").asString(null));
            one.put("id", group.path("id").asString(null));
            one.put("menu_group_name", group.path(japanese ? "menu_group_name_ja" : "menu_group_name_en").asString(null));
            one.put("disp_seq", group.path("disp_seq").asInt());
            List<Map<String, Object>> menus = new ArrayList<>();
            for (JsonNode menu : group.path("menus")) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", menu.path("id").asString(null));
                m.put("menu_name", menu.path(japanese ? "menu_name_ja" : "menu_name_en").asString(null));
                m.put("menu_name_rest", menu.path("menu_name_rest").asString(null));
                m.put("disp_seq", menu.path("disp_seq").asInt());
                menus.add(m);
            }
            one.put("menus", menus);
            groups.add(one);
        }
        return groups;
    }
}
