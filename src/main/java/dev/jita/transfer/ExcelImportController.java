package dev.jita.transfer;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.core.JsonBody;
import dev.jita.core.Messages;
import dev.jita.core.MultipartForm;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Exastro's Excel bulk import endpoints. Importing writes records: members only (viewers get 403), as Exastro puts
 * the menus a role may not maintain aside.
 */
@RestController
@RequestMapping("/api/{organizationId}/workspaces/{workspaceId}/ita/excel/bulk")
class ExcelImportController {

    private static final String ZIPFILE = "zipfile";

    private final ExcelImports imports;
    private final WorkspaceAccess access;
    private final JsonBody json;
    private final int maxBytes;

    ExcelImportController(ExcelImports imports, WorkspaceAccess access, JsonBody json,
                          @Value("${jita.menu.max-body-size:20MB}") DataSize maxBody) {
        this.imports = imports;
        this.access = access;
        this.json = json;
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE / 2, maxBody.toBytes());
    }

    /** {"zipfile": {"name": "….zip", "base64": "…"}}. */
    @PostMapping({"/upload", "/upload/"})
    ApiResponse upload(@PathVariable String organizationId, @PathVariable String workspaceId,
                       @RequestBody(required = false) String raw, HttpServletRequest request) {
        access.requireWrite(organizationId, workspaceId);
        return ApiResponse.ok(imports.upload(organizationId, workspaceId, CurrentUser.name(), japanese(request), () -> {
            JsonNode zip = json.object(raw, maxBytes / 3 * 4 + 4096).get(ZIPFILE);
            if (zip == null || !zip.isObject() || !zip.path("name").isString() || !zip.path("base64").isString()
                    || zip.path("name").stringValue().isBlank()) {
                throw ApiException.badBody("excel.bad_upload");
            }
            try {
                return new ExcelImports.Uploaded(zip.path("name").stringValue(),
                        Base64.getDecoder().decode(zip.path("base64").stringValue().replaceAll("\\s", "")));
            } catch (IllegalArgumentException e) {
                throw ApiException.badBody("excel.bad_upload");
            }
        }));
    }

    /** The same as a form: the part {@code zipfile}. */
    @PostMapping(value = {"/upload", "/upload/"}, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ApiResponse uploadForm(@PathVariable String organizationId, @PathVariable String workspaceId,
                           HttpServletRequest request) {
        access.requireWrite(organizationId, workspaceId);
        return ApiResponse.ok(imports.upload(organizationId, workspaceId, CurrentUser.name(), japanese(request), () -> {
            MultipartForm.UploadedFile file = MultipartForm.read(request, maxBytes).files().get(ZIPFILE);
            if (file == null || file.fileName() == null || file.fileName().isBlank()) {
                throw ApiException.badBody("excel.bad_upload");
            }
            return new ExcelImports.Uploaded(file.fileName(), file.content());
        }));
    }

    @PostMapping({"/import/execute", "/import/execute/"})
    ApiResponse execute(@PathVariable String organizationId, @PathVariable String workspaceId,
                        @RequestBody(required = false) String raw, HttpServletRequest request) {
        access.requireWrite(organizationId, workspaceId);
        return ApiResponse.ok(imports.execute(organizationId, workspaceId, CurrentUser.name(), japanese(request), raw));
    }

    private static boolean japanese(HttpServletRequest request) {
        return Messages.locale(request).equals(Locale.JAPANESE);
    }
}
