package dev.jita.menu;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.core.JsonBody;
import dev.jita.core.Messages;
import dev.jita.core.MultipartForm;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.platform.WorkspaceRole;
import dev.jita.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** The menu endpoints of a workspace, the same for every menu. */
@RestController
@RequestMapping("/api/{organizationId}/workspaces/{workspaceId}/ita/menu/{menu}")
class MenuController {

    private final MenuCatalog catalog;
    private final MenuService menus;
    private final WorkspaceAccess access;
    private static final String JSON_PARAMETERS = "json_parameters";
    private static final Pattern BULK_FILE_PART = Pattern.compile("(\\d{1,9})\\.(.+)");

    private final JsonBody json;
    private final ObjectMapper mapper;
    private final int maxBodyBytes;

    MenuController(MenuCatalog catalog, MenuService menus, WorkspaceAccess access, JsonBody json, ObjectMapper mapper,
                   @Value("${jita.menu.max-body-size:20MB}") DataSize maxBody) {
        this.catalog = catalog;
        this.menus = menus;
        this.access = access;
        this.json = json;
        this.mapper = mapper;
        this.maxBodyBytes = (int) maxBody.toBytes();
    }

    @GetMapping({"/info", "/info/"})
    ApiResponse info(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
                     HttpServletRequest request) {
        WorkspaceRole role = access.requireRead(organizationId, workspaceId);
        MenuDefinition definition = menu(organizationId, workspaceId, menu);
        return ApiResponse.ok(MenuInfo.of(definition, role, Messages.locale(request).equals(Locale.JAPANESE), mapper));
    }

    @GetMapping({"/filter", "/filter/"})
    ApiResponse filterAll(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu) {
        return ApiResponse.ok(search(organizationId, workspaceId, menu, null));
    }

    @PostMapping({"/filter", "/filter/"})
    ApiResponse filter(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
                       @RequestBody(required = false) String raw) {
        return ApiResponse.ok(search(organizationId, workspaceId, menu, conditions(raw)));
    }

    @GetMapping({"/filter/count", "/filter/count/"})
    ApiResponse countAll(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu) {
        return ApiResponse.ok(counted(organizationId, workspaceId, menu, null));
    }

    @PostMapping({"/filter/count", "/filter/count/"})
    ApiResponse count(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
                      @RequestBody(required = false) String raw) {
        return ApiResponse.ok(counted(organizationId, workspaceId, menu, conditions(raw)));
    }

    @GetMapping({"/filter/journal/{uuid}", "/filter/journal/{uuid}/"})
    ApiResponse journal(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
                        @PathVariable String uuid) {
        access.requireRead(organizationId, workspaceId);
        menu(organizationId, workspaceId, menu);
        return ApiResponse.ok(menus.journal(organizationId, workspaceId, menu, uuid));
    }

    @GetMapping({"/{uuid}/{column}/file", "/{uuid}/{column}/file/"})
    ApiResponse download(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
                         @PathVariable String uuid, @PathVariable String column) {
        access.requireRead(organizationId, workspaceId);
        menu(organizationId, workspaceId, menu);
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
        writable(organizationId, workspaceId, menu);
        return ApiResponse.ok(menus.apply(organizationId, workspaceId, menu,
                () -> List.of(single(MenuService.Operation.REGISTER, json.object(raw, maxBodyBytes), Map.of(), null)),
                CurrentUser.name()).counts());
    }

    @PostMapping(value = {"/maintenance", "/maintenance/"}, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ApiResponse registerForm(@PathVariable String organizationId, @PathVariable String workspaceId,
                             @PathVariable String menu, HttpServletRequest request) {
        writable(organizationId, workspaceId, menu);
        return ApiResponse.ok(menus.apply(organizationId, workspaceId, menu, () -> {
            MultipartForm form = MultipartForm.read(request, maxBodyBytes);
            return List.of(single(MenuService.Operation.REGISTER, json.object(jsonParameters(form, false), maxBodyBytes),
                    form.files(), null));
        }, CurrentUser.name()).counts());
    }

    /** An Update; with {@code discard} "1" a Discard, and with "0" the Restore of a discarded record (as Exastro). */
    @PatchMapping({"/maintenance/{uuid}", "/maintenance/{uuid}/"})
    ApiResponse update(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
                       @PathVariable String uuid, @RequestBody(required = false) String raw) {
        writable(organizationId, workspaceId, menu);
        return ApiResponse.ok(menus.apply(organizationId, workspaceId, menu,
                () -> List.of(single(MenuService.Operation.UPDATE, json.object(raw, maxBodyBytes), Map.of(), uuid)),
                CurrentUser.name()).counts());
    }

    @PatchMapping(value = {"/maintenance/{uuid}", "/maintenance/{uuid}/"}, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ApiResponse updateForm(@PathVariable String organizationId, @PathVariable String workspaceId,
                           @PathVariable String menu, @PathVariable String uuid, HttpServletRequest request) {
        writable(organizationId, workspaceId, menu);
        return ApiResponse.ok(menus.apply(organizationId, workspaceId, menu, () -> {
            MultipartForm form = MultipartForm.read(request, maxBodyBytes);
            return List.of(single(MenuService.Operation.UPDATE, json.object(jsonParameters(form, false), maxBodyBytes),
                    form.files(), uuid));
        }, CurrentUser.name()).counts());
    }

    /**
     * A list of {"type": "Register"|"Update"|"Discard"|"Restore", "parameter": {...}, "file": {...}}, all or nothing;
     * at most {@code jita.menu.max-bulk-items} of them. Answers the counts per type and, as Exastro, the uuids of
     * the records written ({@code IdList}) in request order.
     */
    @PostMapping({"/maintenance/all", "/maintenance/all/"})
    ApiResponse bulk(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
                     @RequestBody(required = false) String raw) {
        writable(organizationId, workspaceId, menu);
        return bulkAnswer(menus.apply(organizationId, workspaceId, menu,
                () -> operations(json.array(raw, maxBodyBytes), Map.of()), CurrentUser.name()));
    }

    /** The same, from Exastro's form: json_parameters holds the list, and a part "2.playbook_file" the file of item 2. */
    @PostMapping(value = {"/maintenance/all", "/maintenance/all/"}, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ApiResponse bulkForm(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
                         HttpServletRequest request) {
        writable(organizationId, workspaceId, menu);
        return bulkAnswer(menus.apply(organizationId, workspaceId, menu, () -> {
            MultipartForm form = MultipartForm.read(request, maxBodyBytes);
            return operations(json.array(jsonParameters(form, true), maxBodyBytes), form.files());
        }, CurrentUser.name()));
    }

    private List<MenuService.Operation> operations(JsonNode body, Map<String, MultipartForm.UploadedFile> files) {
        List<MenuService.Operation> operations = menus.bulkOperations(body);
        Map<Integer, Map<String, MultipartForm.UploadedFile>> filesByItem = new HashMap<>();
        files.forEach((part, file) -> {
            Matcher name = BULK_FILE_PART.matcher(part);
            int item = name.matches() ? Integer.parseInt(name.group(1)) : -1;
            if (item < 0 || item >= operations.size()) {
                throw ApiException.badBody("menu.unknown_file_part", part, "<item index>.<file column>, e.g. 0.playbook_file");
            }
            filesByItem.computeIfAbsent(item, i -> new LinkedHashMap<>()).put(name.group(2), file);
        });
        List<MenuService.Operation> withFiles = new ArrayList<>();
        for (int index = 0; index < operations.size(); index++) {
            withFiles.add(withFiles(operations.get(index), filesByItem.getOrDefault(index, Map.of())));
        }
        return withFiles;
    }

    private static ApiResponse bulkAnswer(MenuService.Applied applied) {
        Map<String, Object> data = new LinkedHashMap<>(applied.counts());
        data.put("IdList", applied.records().stream().map(MenuService.Record::id).toList());
        return ApiResponse.ok(data);
    }

    /** The operation of a single-record request; {@code uuid} (from the path) names the record of an Update. */
    private MenuService.Operation single(String type, JsonNode body, Map<String, MultipartForm.UploadedFile> files,
                                         String uuid) {
        if (uuid != null && body.get("parameter") instanceof ObjectNode parameter) {
            parameter.put(MenuService.UUID_KEY, uuid);
        }
        return withFiles(new MenuService.Operation(type, body.get("parameter"), body.get("file")), files);
    }

    /**
     * The operation with the file parts of its item added to its {@code file} object (in base64, as a JSON request
     * carries them); a file column left out of {@code parameter} takes the part's file name.
     */
    private MenuService.Operation withFiles(MenuService.Operation operation,
                                            Map<String, MultipartForm.UploadedFile> files) {
        JsonNode parameter = operation.parameter();
        JsonNode file = operation.file();
        if (!files.isEmpty()) {
            ObjectNode merged = file instanceof ObjectNode object ? object : mapper.createObjectNode();
            files.forEach((column, upload) -> {
                merged.put(column, Base64.getEncoder().encodeToString(upload.content()));
                if (parameter instanceof ObjectNode values && !values.hasNonNull(column)) {
                    values.put(column, upload.fileName());
                }
            });
            file = merged;
        }
        return new MenuService.Operation(operation.type(), parameter, file);
    }

    private static String jsonParameters(MultipartForm form, boolean list) {
        String value = form.fields().get(JSON_PARAMETERS);
        if (value == null) {
            throw ApiException.badBody("menu.no_json_parameters",
                    list ? "[{\"type\": ..., \"parameter\": {...}}, ...]" : "{\"parameter\": {...}}",
                    list ? "<item index>.<file column>" : "<file column>");
        }
        return value;
    }

    /** The caller may read the workspace, the menu exists (499-00002), and the caller may write (401-00001). */
    private void writable(String organizationId, String workspaceId, String menu) {
        WorkspaceRole role = access.requireRead(organizationId, workspaceId);
        menu(organizationId, workspaceId, menu);
        if (role != WorkspaceRole.MEMBER) {
            throw new ApiException("401-00001", "menu.no_write_privilege", menu);
        }
    }

    /** The menu as the organization has it, or Exastro's 499-00002 when it has none of that name. */
    private MenuDefinition menu(String organizationId, String workspaceId, String menu) {
        return catalog.find(organizationId, workspaceId, menu).orElseThrow(() -> new ApiException("499-00002", "menu.unknown_menu", menu));
    }

    /** Every record that meets the conditions, with its files, as Exastro answers. */
    private List<Map<String, Object>> search(String organizationId, String workspaceId, String menu, JsonNode conditions) {
        access.requireRead(organizationId, workspaceId);
        menu(organizationId, workspaceId, menu);
        return menus.search(organizationId, workspaceId, menu, conditions, 0, Integer.MAX_VALUE, true).stream()
                .map(MenuController::view).toList();
    }

    private long counted(String organizationId, String workspaceId, String menu, JsonNode conditions) {
        access.requireRead(organizationId, workspaceId);
        menu(organizationId, workspaceId, menu);
        return menus.count(organizationId, workspaceId, menu, conditions);
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
}
