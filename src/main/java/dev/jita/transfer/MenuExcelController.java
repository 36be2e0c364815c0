package dev.jita.transfer;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.core.JsonBody;
import dev.jita.core.Messages;
import dev.jita.core.MultipartForm;
import dev.jita.menu.MenuCatalog;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.platform.WorkspaceRole;
import dev.jita.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Exastro's per-menu Excel endpoints: the workbook of all records ({@code GET excel/}), of a search ({@code POST
 * excel/} with {@code filter/}'s body), the empty workbook ({@code excel/format/}) — in the envelope with
 * {@code data} the base64 of the .xlsx, or the file itself with {@code ?file=binary} — and a workbook's rows applied
 * to the menu ({@code excel/maintenance/}), answered as {@code maintenance/all/}. Reading needs read access to the
 * workspace, viewers included; the upload needs a member, as every maintenance.
 */
@RestController
@RequestMapping("/api/{organizationId}/workspaces/{workspaceId}/ita/menu/{menu}/excel")
class MenuExcelController {

    private static final String EXCEL = "excel";
    private static final String BINARY = "binary";

    private final MenuExcel excel;
    private final MenuCatalog catalog;
    private final WorkspaceAccess access;
    private final JsonBody json;
    private final ObjectMapper mapper;
    private final int maxBytes;

    MenuExcelController(MenuExcel excel, MenuCatalog catalog, WorkspaceAccess access, JsonBody json, ObjectMapper mapper,
                        @Value("${jita.menu.max-body-size:20MB}") DataSize maxBody) {
        this.excel = excel;
        this.catalog = catalog;
        this.access = access;
        this.json = json;
        this.mapper = mapper;
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE / 2, maxBody.toBytes());
    }

    @GetMapping({"", "/"})
    void all(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
             @RequestParam(required = false) String file, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        readable(organizationId, workspaceId, menu);
        download(organizationId, workspaceId, menu, null, false, file, request, response);
    }

    @PostMapping({"", "/"})
    void filtered(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
                  @RequestParam(required = false) String file, @RequestBody(required = false) String raw,
                  HttpServletRequest request, HttpServletResponse response) throws IOException {
        readable(organizationId, workspaceId, menu);
        JsonNode conditions = raw == null || raw.isBlank() ? null : json.object(raw);
        download(organizationId, workspaceId, menu, conditions, false, file, request, response);
    }

    @GetMapping({"/format", "/format/"})
    void format(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
                @RequestParam(required = false) String file, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        readable(organizationId, workspaceId, menu);
        download(organizationId, workspaceId, menu, null, true, file, request, response);
    }

    /** {"excel": "<the .xlsx in base64>"}. */
    @PostMapping({"/maintenance", "/maintenance/"})
    ApiResponse maintenance(@PathVariable String organizationId, @PathVariable String workspaceId,
                            @PathVariable String menu, @RequestBody(required = false) String raw,
                            HttpServletRequest request) {
        return maintain(organizationId, workspaceId, menu, request, () -> {
            JsonNode body = json.object(raw, maxBytes / 3 * 4 + 4096).get(EXCEL);
            if (body == null || !body.isString() || body.stringValue().isBlank()) {
                throw ApiException.badBody("excel.bad_menu_upload");
            }
            try {
                return Base64.getDecoder().decode(body.stringValue().replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw ApiException.badBody("excel.bad_menu_upload");
            }
        });
    }

    /** The same as a form: the file part {@code excel}. */
    @PostMapping(value = {"/maintenance", "/maintenance/"}, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ApiResponse maintenanceForm(@PathVariable String organizationId, @PathVariable String workspaceId,
                                @PathVariable String menu, HttpServletRequest request) {
        return maintain(organizationId, workspaceId, menu, request, () -> {
            MultipartForm.UploadedFile file = MultipartForm.read(request, maxBytes).files().get(EXCEL);
            if (file == null || file.content().length == 0) {
                throw ApiException.badBody("excel.bad_menu_upload");
            }
            return file.content();
        });
    }

    private ApiResponse maintain(String organizationId, String workspaceId, String menu, HttpServletRequest request,
                                 Supplier<byte[]> workbook) {
        if (readable(organizationId, workspaceId, menu) != WorkspaceRole.MEMBER) {
            throw new ApiException("401-00001", "menu.no_write_privilege", menu);
        }
        MenuExcel.Maintained maintained = excel.maintain(organizationId, workspaceId, menu, workbook, CurrentUser.name(),
                japanese(request));
        Map<String, Object> data = new LinkedHashMap<>(maintained.counts());
        data.put("IdList", maintained.ids());
        return ApiResponse.ok(data);
    }

    /** Writes the workbook once the caller's access is checked: as the envelope's base64 data, or the file. */
    private void download(String organizationId, String workspaceId, String menu, JsonNode conditions,
                          boolean formatOnly, String file, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        try (MenuExcel.Workbook workbook = excel.download(organizationId, workspaceId, menu, conditions, null,
                formatOnly, japanese(request)); InputStream in = Files.newInputStream(workbook.file())) {
            if (BINARY.equals(file)) {
                response.setContentType(MenuExcel.CONTENT_TYPE);
                response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(workbook.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
                response.setContentLengthLong(Files.size(workbook.file()));
                in.transferTo(response.getOutputStream());
            } else {
                FileAnswer.writeData(response, mapper, in);
            }
        }
    }

    /** The caller may read the workspace and the menu exists (Exastro's 499-00002 otherwise). */
    private WorkspaceRole readable(String organizationId, String workspaceId, String menu) {
        WorkspaceRole role = access.requireRead(organizationId, workspaceId);
        catalog.find(organizationId, workspaceId, menu)
                .orElseThrow(() -> new ApiException("499-00002", "menu.unknown_menu", menu));
        return role;
    }

    private static boolean japanese(HttpServletRequest request) {
        return Messages.locale(request).equals(Locale.JAPANESE);
    }
}
