package dev.jita.menu;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.core.JsonBody;
import dev.jita.core.Messages;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The menu endpoints of a workspace, the same for every menu. */
@RestController
@RequestMapping("/api/{organizationId}/workspaces/{workspaceId}/ita/menu/{menu}")
class MenuController {

    private final MenuCatalog catalog;
    private final MenuService menus;
    private final WorkspaceAccess access;
    private final JsonBody json;
    private final int maxBodyBytes;
    private final int maxBulkItems;

    MenuController(MenuCatalog catalog, MenuService menus, WorkspaceAccess access, JsonBody json,
                   @Value("${jita.menu.max-body-size:20MB}") DataSize maxBody,
                   @Value("${jita.menu.max-bulk-items:10000}") int maxBulkItems) {
        this.catalog = catalog;
        this.menus = menus;
        this.access = access;
        this.json = json;
        this.maxBodyBytes = (int) maxBody.toBytes();
        this.maxBulkItems = maxBulkItems;
    }

    @GetMapping({"/info", "/info/"})
    ApiResponse info(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
                     HttpServletRequest request) {
        access.requireRead(organizationId, workspaceId);
        MenuDefinition definition = catalog.get(organizationId, menu);
        boolean japanese = Messages.locale(request).equals(Locale.JAPANESE);
        List<Map<String, Object>> columns = new ArrayList<>();
        for (Column column : definition.columns()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("rest_name", column.restName());
            item.put("name", japanese ? column.nameJa() : column.nameEn());
            item.put("type", column.type().name().toLowerCase(Locale.ROOT));
            item.put("required", column.required());
            item.put("unique", column.unique());
            item.put("max_length", column.type() == ColumnType.INTEGER ? null : column.maxLength());
            item.put("choices", column.choices().isEmpty() ? null : column.choices());
            item.put("reference", column.reference());
            columns.add(item);
        }
        Map<String, Object> menuInfo = new LinkedHashMap<>();
        menuInfo.put("rest_name", definition.restName());
        menuInfo.put("name", japanese ? definition.nameJa() : definition.nameEn());
        menuInfo.put("writable", definition.userWritable());
        menuInfo.put("unique_together", definition.uniqueTogether());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("menu_info", menuInfo);
        data.put("column_info", columns);
        return ApiResponse.ok(data);
    }

    @GetMapping({"/filter", "/filter/"})
    ApiResponse filterAll(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu) {
        return ApiResponse.ok(search(organizationId, workspaceId, menu, null).stream().map(MenuController::view).toList());
    }

    @PostMapping({"/filter", "/filter/"})
    ApiResponse filter(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
                       @RequestBody(required = false) String raw) {
        return ApiResponse.ok(search(organizationId, workspaceId, menu, conditions(raw)).stream().map(MenuController::view).toList());
    }

    @GetMapping({"/filter/count", "/filter/count/"})
    ApiResponse countAll(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu) {
        return ApiResponse.ok(search(organizationId, workspaceId, menu, null).size());
    }

    @PostMapping({"/filter/count", "/filter/count/"})
    ApiResponse count(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
                      @RequestBody(required = false) String raw) {
        return ApiResponse.ok(search(organizationId, workspaceId, menu, conditions(raw)).size());
    }

    @GetMapping({"/filter/journal/{uuid}", "/filter/journal/{uuid}/"})
    ApiResponse journal(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
                        @PathVariable String uuid) {
        access.requireRead(organizationId, workspaceId);
        return ApiResponse.ok(menus.journal(organizationId, workspaceId, menu, uuid));
    }

    @GetMapping({"/{uuid}/{column}/file", "/{uuid}/{column}/file/"})
    ApiResponse download(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
                         @PathVariable String uuid, @PathVariable String column) {
        access.requireRead(organizationId, workspaceId);
        MenuService.Record record = menus.record(organizationId, workspaceId, menu, uuid)
                .orElseThrow(() -> ApiException.notFound("menu.record_not_found", uuid));
        byte[] content = menus.file(organizationId, workspaceId, menu, uuid, column)
                .orElseThrow(() -> ApiException.notFound("menu.file_not_found", column));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("file_name", record.parameter().get(column));
        data.put("file_data", Base64.getEncoder().encodeToString(content));
        return ApiResponse.ok(data);
    }

    @PostMapping({"/maintenance", "/maintenance/"})
    ApiResponse register(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
                         @RequestBody(required = false) String raw) {
        access.requireWrite(organizationId, workspaceId);
        catalog.get(organizationId, menu);
        List<MenuService.Record> written = menus.apply(organizationId, workspaceId, menu, () -> {
            JsonNode body = json.object(raw, maxBodyBytes);
            return List.of(new MenuService.Operation(MenuService.Operation.REGISTER, body.get("parameter"), body.get("file")));
        }, CurrentUser.name());
        return ApiResponse.ok(written(written.get(0)));
    }

    @PatchMapping({"/maintenance/{uuid}", "/maintenance/{uuid}/"})
    ApiResponse update(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
                       @PathVariable String uuid, @RequestBody(required = false) String raw) {
        access.requireWrite(organizationId, workspaceId);
        catalog.get(organizationId, menu);
        List<MenuService.Record> written = menus.apply(organizationId, workspaceId, menu, () -> {
            JsonNode body = json.object(raw, maxBodyBytes);
            JsonNode parameter = body.get("parameter");
            if (parameter instanceof ObjectNode object) {
                object.put(MenuService.UUID_KEY, uuid);
            }
            return List.of(new MenuService.Operation(MenuService.Operation.UPDATE, parameter, body.get("file")));
        }, CurrentUser.name());
        return ApiResponse.ok(written(written.get(0)));
    }

    /**
     * A list of {"type": "Register"|"Update"|"Discard"|"Restore", "parameter": {...}, "file": {...}}, all or nothing;
     * at most {@code jita.menu.max-bulk-items} of them.
     */
    @PostMapping({"/maintenance/all", "/maintenance/all/"})
    ApiResponse bulk(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
                     @RequestBody(required = false) String raw) {
        access.requireWrite(organizationId, workspaceId);
        catalog.get(organizationId, menu);
        return ApiResponse.ok(menus.apply(organizationId, workspaceId, menu, () -> {
            JsonNode body = json.array(raw, maxBodyBytes);
            if (body.size() > maxBulkItems) {
                throw ApiException.badBody("menu.bulk_too_large", maxBulkItems, body.size());
            }
            List<MenuService.Operation> operations = new ArrayList<>();
            for (JsonNode item : body.values()) {
                if (!item.isObject()) {
                    throw ApiException.badBody("menu.bad_bulk");
                }
                operations.add(new MenuService.Operation(MenuService.text(item.get("type")), item.get("parameter"),
                        item.get("file")));
            }
            if (operations.isEmpty()) {
                throw ApiException.badBody("menu.bad_bulk");
            }
            return operations;
        }, CurrentUser.name()).stream().map(MenuController::written).toList());
    }

    private List<MenuService.Record> search(String organizationId, String workspaceId, String menu, JsonNode conditions) {
        access.requireRead(organizationId, workspaceId);
        MenuDefinition definition = catalog.get(organizationId, menu);
        Predicate<MenuService.Record> filter = MenuFilter.of(definition, conditions);
        return menus.records(organizationId, workspaceId, menu, true).stream().filter(filter).toList();
    }

    private JsonNode conditions(String raw) {
        return raw == null || raw.isBlank() ? null : json.object(raw);
    }

    private static Map<String, Object> view(MenuService.Record record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("parameter", record.parameter());
        view.put("file", record.file());
        return view;
    }

    private static Map<String, Object> written(MenuService.Record record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("uuid", record.id());
        view.put("parameter", record.parameter());
        return view;
    }
}
