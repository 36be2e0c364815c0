package dev.jita.web;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.core.JsonBody;
import dev.jita.core.Messages;
import dev.jita.menu.Column;
import dev.jita.menu.ColumnType;
import dev.jita.menu.MenuService;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.security.CurrentUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The menu table's edit mode: the rows changed, added, discarded and restored on the page, sent as one list of
 * maintenance operations (the body {@code maintenance/all/} takes) and applied all or nothing by the menu
 * engine. A refusal answers 499 with every reason in the page's language, by item and column, and for a record
 * changed since it was loaded, who changed it and when.
 */
@Controller
class MenuEditMode {

    private final WorkspaceAccess access;
    private final MenuService menus;
    private final JsonBody body;
    private final Messages messages;
    private final ReaderZones readers;

    MenuEditMode(WorkspaceAccess access, MenuService menus, JsonBody body, Messages messages, ReaderZones readers) {
        this.readers = readers;
        this.access = access;
        this.menus = menus;
        this.body = body;
        this.messages = messages;
    }

    @PostMapping("/ui/ws/{org}/{ws}/menu/{menu}/apply")
    @ResponseBody
    ResponseEntity<ApiResponse> apply(@PathVariable String org, @PathVariable String ws, @PathVariable String menu,
                                      @RequestBody(required = false) String raw) {
        access.requireWrite(org, ws);
        Locale locale = LocaleContextHolder.getLocale();
        List<MenuService.Operation> operations = new ArrayList<>();
        try {
            Map<String, Integer> counts = menus.apply(org, ws, menu, () -> {
                operations.addAll(operations(body.array(raw, JsonBody.DEFAULT_MAX_BYTES * 64)));
                return operations;
            }, CurrentUser.name()).counts();
            return ResponseEntity.ok(ApiResponse.ok(Map.of("counts", counts, "message", messages.get(locale,
                    "ui.edit.applied", counts.get(MenuService.Operation.REGISTER),
                    counts.get(MenuService.Operation.UPDATE), counts.get(MenuService.Operation.DISCARD),
                    counts.get(MenuService.Operation.RESTORE)))));
        } catch (ApiException e) {
            if (e.status() != 499 || !(e.data() instanceof Map<?, ?> data && data.get("errors") instanceof Map<?, ?> errors)) {
                throw e;
            }
            return ResponseEntity.status(499).body(ApiResponse.error(e.result(),
                    messages.get(locale, "ui.edit.refused"), refusals(org, ws, menu, operations, errors, locale)));
        }
    }

    private List<MenuService.Operation> operations(JsonNode list) {
        List<MenuService.Operation> parsed = menus.bulkOperations(list);
        List<MenuService.Operation> operations = new ArrayList<>();
        for (int index = 0; index < parsed.size(); index++) {
            // The page sends a type and the parameters of every row; anything else did not come from it.
            if (!list.get(index).path("type").isString() || !list.get(index).path("parameter").isObject()) {
                throw ApiException.badBody("menu.bad_bulk");
            }
            // Files are changed in the single-record form: edit mode sends none.
            operations.add(new MenuService.Operation(parsed.get(index).type(), parsed.get(index).parameter(), null));
        }
        return operations;
    }

    /** Per item: its reasons by column in the page's language, and who changed the record it read, if someone did. */
    private Map<String, Object> refusals(String org, String ws, String menu, List<MenuService.Operation> operations,
                                         Map<?, ?> errors, Locale locale) {
        Map<String, Object> items = new LinkedHashMap<>();
        errors.forEach((index, columns) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            Map<String, List<String>> reasons = new LinkedHashMap<>();
            ((Map<?, ?>) columns).forEach((column, given) -> {
                for (Object reason : (List<?>) given) {
                    if (RefusalReasons.CHANGED.equals(reason)) {
                        item.put("conflict", conflict(org, ws, menu, operations, index.toString(), locale));
                    } else {
                        reasons.computeIfAbsent(column.toString(), c -> new ArrayList<>())
                                .add(RefusalReasons.translate(reason.toString(), locale, messages));
                    }
                }
            });
            item.put("reasons", reasons);
            items.put(index.toString(), item);
        });
        return Map.of("items", items);
    }

    private String conflict(String org, String ws, String menu, List<MenuService.Operation> operations, String index,
                            Locale locale) {
        int item = Integer.parseInt(index);
        JsonNode id = item < operations.size() ? operations.get(item).parameter().get("uuid") : null;
        return (id == null || !id.isString() ? Optional.<MenuService.Record>empty()
                : menus.record(org, ws, menu, id.asString()))
                .map(record -> messages.get(locale, "ui.edit.conflict", record.parameter().get("last_updated_user"),
                        readers.current().text(String.valueOf(record.parameter().get("last_update_date_time")))))
                .orElseGet(() -> messages.get(locale, "ui.reason.changed"));
    }

    /** What the page's script needs to build edit mode: the columns, the rows shown, and the words it shows. */
    static Map<String, Object> pageData(List<Column> columns, List<MenuService.Record> records, boolean japanese,
                                        Locale locale, Messages messages) {
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Column column : columns) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", column.restName());
            one.put("label", japanese ? column.nameJa() : column.nameEn());
            one.put("type", column.type().name());
            one.put("required", column.required());
            one.put("readOnly", column.readOnly() || column.type() == ColumnType.FILE);
            one.put("choices", column.choices());
            one.put("list", column.type() == ColumnType.REFERENCE && !column.readOnly() ? "refs-" + column.restName() : null);
            shown.add(one);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MenuService.Record record : records) {
            Map<String, Object> values = new LinkedHashMap<>();
            record.parameter().forEach((name, value) -> values.put(name, value == null ? "" : String.valueOf(value)));
            rows.add(Map.of("id", record.id(), "discarded", record.discarded(), "values", values));
        }
        Map<String, String> words = new LinkedHashMap<>();
        for (String word : List.of("apply", "cancel", "add", "duplicate", "discard", "restore", "undo", "remove",
                "new_row", "marked_discard", "marked_restore", "confirm_discard", "confirm_restore",
                "password_unchanged", "file_kept", "nothing", "applying", "refused", "failed", "session_ended", "row",
                "reload")) {
            words.put(word, messages.get(locale, "ui.edit." + word));
        }
        words.put("remarks", messages.get(locale, "ui.menu.remarks"));
        words.put("errors_title", messages.get(locale, "ui.menu.errors_title"));
        words.put("actions", messages.get(locale, "ui.menu.actions"));
        return Map.of("columns", shown, "rows", rows, "words", words);
    }
}
