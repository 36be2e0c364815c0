package dev.jita.transfer;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.BackyardItems;
import dev.jita.core.ApiException;
import dev.jita.core.JsonBody;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.menu.SecretBox;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Menu export requests: {@code bulk/export/execute/} registers an {@code ita-by-menu-export-import} item and its
 * row in one transaction through the maintenance gate (498-00014 in load mode, before the body is read); the
 * results are downloaded from {@code menu_export_import_list}.
 */
@Service
class MenuExports {

    static final DateTimeFormatter SPECIFIED = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    /** A shorter passphrase would make the slow key derivation pointless. */
    static final int PASSPHRASE_MIN = 8;
    static final int PASSPHRASE_MAX = 1024;
    static final String FILE_COLUMN = "file_name";
    static final String LOG_COLUMN = "execution_log";

    /** A result file: its name and a stream of its bytes. */
    record Download(String name, InputStream content) {
    }

    private final MaintenanceGate gate;
    private final JsonBody body;
    private final ObjectMapper json;
    private final BackyardItems items;
    private final MenuExportStore store;
    private final MenuTree tree;
    private final SecretBox secrets;
    private final TransferFiles files;

    MenuExports(MaintenanceGate gate, JsonBody body, ObjectMapper json, BackyardItems items, MenuExportStore store,
                MenuTree tree, SecretBox secrets, TransferFiles files) {
        this.gate = gate;
        this.body = body;
        this.json = json;
        this.items = items;
        this.store = store;
        this.tree = tree;
        this.secrets = secrets;
        this.files = files;
    }

    /** {@code bulk/export/execute/}: the registered item's id as {@code execution_no}. */
    Map<String, String> register(String organizationId, String workspaceId, String user, String language, String raw) {
        return gate.write(Refusal.MENU_EXPORT, () -> {
            JsonNode request = body.object(raw);
            Map<String, List<String>> reasons = new LinkedHashMap<>();
            String mode = flag(request, "mode", null, reasons);
            String abolished = flag(request, "abolished_type", null, reasons);
            String journal = flag(request, "journal_type", "1", reasons);
            String specified = null;
            if ("2".equals(mode)) {
                specified = specifiedTimestamp(request.get("specified_timestamp"));
            }
            List<String> menus = menus(organizationId, workspaceId, request.get("menu"), reasons);
            String passphrase = passphrase(request.get("passphrase"), reasons);
            if (!reasons.isEmpty()) {
                throw new ApiException("499-00005", "export.invalid", json.writeValueAsString(reasons))
                        .withData(Map.of("errors", reasons));
            }
            String executionNo = items.register(Backyard.MENU_EXPORT_IMPORT, organizationId, workspaceId, user, null, null,
                    "export");
            store.insert(new MenuExportStore.Row(executionNo, organizationId, workspaceId, MenuExportStore.EXPORT, mode,
                    abolished, journal, specified, json.writeValueAsString(menus),
                    passphrase == null ? null : Base64.getEncoder().encodeToString(
                            secrets.seal(passphrase.getBytes(StandardCharsets.UTF_8))),
                    language, null, null, null, null));
            return Map.of("execution_no", executionNo);
        });
    }

    /** "1" or "2"; {@code fallback} when absent (null: required). */
    private static String flag(JsonNode request, String field, String fallback, Map<String, List<String>> reasons) {
        JsonNode value = request.get(field);
        if ((value == null || value.isNull()) && fallback != null) {
            return fallback;
        }
        if (value == null || !value.isString() || !Set.of("1", "2").contains(value.stringValue())) {
            reasons.computeIfAbsent(field, k -> new ArrayList<>()).add("give \"1\" or \"2\"");
            return null;
        }
        return value.stringValue();
    }

    /** "YYYY/MM/DD hh:mm" (UTC, as jita shows every time), else 499-01501 as Exastro answers. */
    private static String specifiedTimestamp(JsonNode value) {
        if (value == null || !value.isString()) {
            throw new ApiException("499-01501", "export.bad_timestamp");
        }
        try {
            return SPECIFIED.format(LocalDateTime.parse(value.stringValue(), SPECIFIED));
        } catch (DateTimeParseException e) {
            throw new ApiException("499-01501", "export.bad_timestamp");
        }
    }

    private List<String> menus(String organizationId, String workspaceId, JsonNode value,
                               Map<String, List<String>> reasons) {
        if (value == null || !value.isArray() || value.isEmpty()) {
            reasons.computeIfAbsent("menu", k -> new ArrayList<>()).add("give a list of menus (menu_name_rest)");
            return List.of();
        }
        Set<String> menus = new LinkedHashSet<>();
        for (JsonNode item : value.values()) {
            if (!item.isString() || tree.find(organizationId, workspaceId, item.stringValue(), MenuTree.MENU_EXPORT).isEmpty()) {
                reasons.computeIfAbsent("menu", k -> new ArrayList<>())
                        .add("no menu of this workspace to export: " + (item.isString() ? item.stringValue() : item));
            } else {
                menus.add(item.stringValue());
            }
        }
        return new ArrayList<>(menus);
    }

    private static String passphrase(JsonNode value, Map<String, List<String>> reasons) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() || value.stringValue().length() < PASSPHRASE_MIN
                || value.stringValue().length() > PASSPHRASE_MAX) {
            reasons.computeIfAbsent("passphrase", k -> new ArrayList<>())
                    .add("give " + PASSPHRASE_MIN + " to " + PASSPHRASE_MAX + " characters, or leave it out");
            return null;
        }
        return value.stringValue();
    }

    /** A result file of the workspace's export or import; 404 when there is none (yet). */
    Download download(String organizationId, String workspaceId, String executionNo, String column) {
        if (!FILE_COLUMN.equals(column) && !LOG_COLUMN.equals(column)) {
            throw ApiException.notFound("menu.column_not_found", column);
        }
        MenuExportStore.Row row = store.find(executionNo)
                .filter(r -> r.organizationId().equals(organizationId) && r.workspaceId().equals(workspaceId))
                .orElseThrow(() -> ApiException.notFound("menu.record_not_found", executionNo));
        boolean archive = FILE_COLUMN.equals(column);
        String name = archive ? row.fileName() : row.logName();
        String fileId = archive ? row.fileId() : row.logId();
        if (fileId == null) {
            throw ApiException.notFound("menu.file_not_found", column);
        }
        return new Download(name, files.open(fileId)
                .orElseThrow(() -> ApiException.notFound("menu.file_not_found", column)));
    }
}
