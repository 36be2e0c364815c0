package dev.jita.web;

import dev.jita.core.ApiException;
import dev.jita.core.Messages;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.MaintenanceModes;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.platform.WorkspaceRole;
import dev.jita.security.CurrentUser;
import dev.jita.transfer.Transfers;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The pages of menu export/import and Excel bulk export/import: choose menus from the tree, register the job, follow
 * it in the job list and download its files. Every action calls {@link Transfers}, the services of the API's
 * endpoints, so the checks, the reasons (499), load mode's refusals (498-00014..17) and the rights are the API's;
 * a refusal is shown on the page with nothing registered. The controls are offered only to those who may use them,
 * and the page says why they are not.
 */
@Controller
class TransferPages {

    static final String BASE = "/ui/ws/{org}/{ws}/transfer";
    private static final Pattern DATE_TIME_LOCAL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    /** The upload last checked on the import page of this session, shown again when its import is refused. */
    private static final String MENU_UPLOAD = "transfer.menu-upload";
    private static final String EXCEL_UPLOAD = "transfer.excel-upload";

    private final Transfers transfers;
    private final WorkspaceAccess access;
    private final MaintenanceGate gate;
    private final Messages messages;
    private final ReaderZones readers;

    TransferPages(Transfers transfers, WorkspaceAccess access, MaintenanceGate gate, Messages messages,
                  ReaderZones readers) {
        this.readers = readers;
        this.transfers = transfers;
        this.access = access;
        this.gate = gate;
        this.messages = messages;
    }

    /** What a page may offer: whether the controls are shown, and if not, why. */
    private void common(Model model, String org, String ws, String page, boolean allowed, String refusal) {
        MaintenanceModes modes = gate.current();
        model.addAttribute("org", org);
        model.addAttribute("ws", ws);
        model.addAttribute("page", page);
        model.addAttribute("backyardStopped", modes.backyardExecuteStop());
        String reason = null;
        if (modes.dataUpdateStop()) {
            reason = text("ui.transfer.load_mode." + page, refusal);
        } else if (!allowed) {
            reason = text("ui.transfer.viewer");
        }
        model.addAttribute("readOnlyReason", reason);
        model.addAttribute("canWrite", reason == null);
    }

    // Menu export.

    @GetMapping(BASE + "/menu-export")
    String menuExport(@PathVariable String org, @PathVariable String ws, Model model) {
        WorkspaceRole role = access.requireRead(org, ws);
        common(model, org, ws, "menu-export", role == WorkspaceRole.MEMBER, "498-00014");
        model.addAttribute("groups", transfers.menuExportTree(org, ws, japanese()));
        model.addAttribute("chosen", List.of());
        return "transfer-menu-export";
    }

    @PostMapping(BASE + "/menu-export")
    String registerMenuExport(@PathVariable String org, @PathVariable String ws,
                              @RequestParam(name = "menu", required = false) List<String> menus,
                              @RequestParam(required = false) String mode,
                              @RequestParam(name = "abolished_type", required = false) String abolished,
                              @RequestParam(name = "journal_type", required = false) String journal,
                              @RequestParam(required = false) String specified,
                              @RequestParam(required = false) String passphrase,
                              @RequestParam(name = "passphrase_confirm", required = false) String confirm,
                              Model model) {
        access.requireWrite(org, ws);
        List<String> chosen = menus == null ? List.of() : menus;
        String given = passphrase == null || passphrase.isEmpty() ? null : passphrase;
        try {
            if (given != null && !given.equals(confirm)) {
                model.addAttribute("error", text("ui.transfer.passphrase_mismatch"));
            } else {
                String no = transfers.exportMenus(org, ws, CurrentUser.name(), language(), mode, abolished, journal,
                        "2".equals(mode) ? specifiedTimestamp(specified) : null, chosen, given);
                return "redirect:/ui/ws/" + org + "/" + ws + "/transfer/menu-jobs?registered=" + no;
            }
        } catch (ApiException e) {
            refused(e, model);
        }
        model.addAttribute("entered", Map.of("mode", String.valueOf(mode), "abolished_type", String.valueOf(abolished),
                "journal_type", String.valueOf(journal), "specified", specified == null ? "" : specified));
        String page = menuExport(org, ws, model);
        model.addAttribute("chosen", chosen);
        return page;
    }

    /**
     * The browser's {@code datetime-local} value, the reader's local time, as the API's "YYYY/MM/DD hh:mm" in UTC;
     * anything else as given.
     */
    private String specifiedTimestamp(String specified) {
        if (specified != null && DATE_TIME_LOCAL.matcher(specified).matches()) {
            return readers.current().utc(specified).substring(0, "yyyy/MM/dd hh:mm".length());
        }
        return specified;
    }

    // Menu import.

    @GetMapping(BASE + "/menu-import")
    String menuImport(@PathVariable String org, @PathVariable String ws, Model model, HttpSession session) {
        WorkspaceRole role = access.requireRead(org, ws);
        common(model, org, ws, "menu-import", role == WorkspaceRole.MEMBER, "498-00015");
        return "transfer-menu-import";
    }

    @PostMapping(BASE + "/menu-import/upload")
    String uploadMenuArchive(@PathVariable String org, @PathVariable String ws,
                             @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                             HttpSession session) throws IOException {
        access.requireWrite(org, ws);
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", text("ui.transfer.no_file"));
        } else {
            try {
                Transfers.MenuArchive archive = transfers.checkMenuArchive(org, ws, file.getOriginalFilename(),
                        file.getBytes(), japanese());
                session.setAttribute(MENU_UPLOAD, new Kept<>(org, ws, archive));
                model.addAttribute("archive", archive);
            } catch (ApiException e) {
                refused(e, model);
            }
        }
        return menuImport(org, ws, model, session);
    }

    @PostMapping(BASE + "/menu-import")
    String registerMenuImport(@PathVariable String org, @PathVariable String ws,
                              @RequestParam(name = "upload_id", required = false) String uploadId,
                              @RequestParam(name = "menu", required = false) List<String> menus,
                              @RequestParam(required = false) String passphrase, Model model, HttpSession session) {
        access.requireWrite(org, ws);
        List<String> chosen = menus == null ? List.of() : menus;
        try {
            String no = transfers.importMenus(org, ws, CurrentUser.name(), language(), uploadId == null ? "" : uploadId,
                    chosen, passphrase == null || passphrase.isEmpty() ? null : passphrase);
            session.removeAttribute(MENU_UPLOAD);
            return "redirect:/ui/ws/" + org + "/" + ws + "/transfer/menu-jobs?registered=" + no;
        } catch (ApiException e) {
            refused(e, model);
        }
        Transfers.MenuArchive archive = kept(session, MENU_UPLOAD, org, ws, Transfers.MenuArchive.class);
        if (archive != null && archive.uploadId().equals(uploadId)) {
            model.addAttribute("archive", archive);
            model.addAttribute("chosen", chosen);
        }
        return menuImport(org, ws, model, session);
    }

    // Excel bulk export.

    /** A viewer may export as the API lets it: an export changes no data (Exastro's view-only privilege). */
    @GetMapping(BASE + "/excel-export")
    String excelExport(@PathVariable String org, @PathVariable String ws, Model model) {
        access.requireRead(org, ws);
        common(model, org, ws, "excel-export", true, "498-00016");
        model.addAttribute("groups", transfers.excelExportTree(org, ws, japanese()));
        model.addAttribute("chosen", List.of());
        return "transfer-excel-export";
    }

    @PostMapping(BASE + "/excel-export")
    String registerExcelExport(@PathVariable String org, @PathVariable String ws,
                               @RequestParam(name = "menu", required = false) List<String> menus,
                               @RequestParam(name = "abolished_type", required = false) String abolished, Model model) {
        access.requireRead(org, ws);
        List<String> chosen = menus == null ? List.of() : menus;
        try {
            String no = transfers.exportExcel(org, ws, CurrentUser.name(), japanese(), chosen, abolished);
            return "redirect:/ui/ws/" + org + "/" + ws + "/transfer/excel-jobs?registered=" + no;
        } catch (ApiException e) {
            refused(e, model);
        }
        String page = excelExport(org, ws, model);
        model.addAttribute("chosen", chosen);
        return page;
    }

    // Excel bulk import.

    @GetMapping(BASE + "/excel-import")
    String excelImport(@PathVariable String org, @PathVariable String ws, Model model) {
        WorkspaceRole role = access.requireRead(org, ws);
        common(model, org, ws, "excel-import", role == WorkspaceRole.MEMBER, "498-00017");
        return "transfer-excel-import";
    }

    @PostMapping(BASE + "/excel-import/upload")
    String uploadExcelZip(@PathVariable String org, @PathVariable String ws,
                          @RequestParam(name = "zipfile", required = false) MultipartFile file, Model model,
                          HttpSession session) throws IOException {
        access.requireWrite(org, ws);
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", text("ui.transfer.no_file"));
        } else {
            try {
                Transfers.ExcelUpload upload = transfers.checkExcelZip(org, ws, CurrentUser.name(), japanese(),
                        file.getOriginalFilename(), file.getBytes());
                session.setAttribute(EXCEL_UPLOAD, new Kept<>(org, ws, upload));
                model.addAttribute("upload", upload);
            } catch (ApiException e) {
                refused(e, model);
            }
        }
        return excelImport(org, ws, model);
    }

    @PostMapping(BASE + "/excel-import")
    String registerExcelImport(@PathVariable String org, @PathVariable String ws,
                               @RequestParam(name = "upload_id", required = false) String uploadId,
                               @RequestParam(name = "file_name", required = false) String fileName,
                               @RequestParam(name = "menu", required = false) List<String> menus, Model model,
                               HttpSession session) {
        access.requireWrite(org, ws);
        List<String> chosen = menus == null ? List.of() : menus;
        try {
            String no = transfers.importExcel(org, ws, CurrentUser.name(), japanese(), uploadId, fileName, chosen);
            session.removeAttribute(EXCEL_UPLOAD);
            return "redirect:/ui/ws/" + org + "/" + ws + "/transfer/excel-jobs?registered=" + no;
        } catch (ApiException e) {
            refused(e, model);
        }
        Transfers.ExcelUpload upload = kept(session, EXCEL_UPLOAD, org, ws, Transfers.ExcelUpload.class);
        if (upload != null && upload.uploadId().equals(uploadId)) {
            model.addAttribute("upload", upload);
            model.addAttribute("chosen", chosen);
        }
        return excelImport(org, ws, model);
    }

    // Job lists and downloads.

    @GetMapping(BASE + "/menu-jobs")
    String menuJobs(@PathVariable String org, @PathVariable String ws,
                    @RequestParam(required = false) String registered, Model model) {
        access.requireRead(org, ws);
        common(model, org, ws, "menu-jobs", true, null);
        return jobs(model, transfers.menuJobs(org, ws, japanese()), registered, "execution_log");
    }

    @GetMapping(BASE + "/excel-jobs")
    String excelJobs(@PathVariable String org, @PathVariable String ws,
                     @RequestParam(required = false) String registered, Model model) {
        access.requireRead(org, ws);
        common(model, org, ws, "excel-jobs", true, null);
        return jobs(model, transfers.excelJobs(org, ws, japanese()), registered, "result_file");
    }

    private static String jobs(Model model, List<Transfers.Job> jobs, String registered, String logColumn) {
        model.addAttribute("jobs", jobs);
        model.addAttribute("running", jobs.stream().anyMatch(job -> !job.finished()));
        model.addAttribute("registered", registered != null && jobs.stream()
                .anyMatch(job -> job.executionNo().equals(registered)) ? registered : null);
        model.addAttribute("logColumn", logColumn);
        return "transfer-jobs";
    }

    /** The file itself, as a download (the API's answer carries it in base64 JSON). */
    @GetMapping(BASE + "/menu-jobs/{no}/{column}")
    void menuFile(@PathVariable String org, @PathVariable String ws, @PathVariable String no,
                  @PathVariable String column, HttpServletResponse response) throws IOException {
        access.requireRead(org, ws);
        send(transfers.menuFile(org, ws, no, column), response);
    }

    @GetMapping(BASE + "/excel-jobs/{no}/{column}")
    void excelFile(@PathVariable String org, @PathVariable String ws, @PathVariable String no,
                   @PathVariable String column, HttpServletResponse response) throws IOException {
        access.requireRead(org, ws);
        send(transfers.excelFile(org, ws, no, column), response);
    }

    private static void send(Transfers.Download download, HttpServletResponse response) throws IOException {
        response.setContentType(download.name().endsWith(".log") ? "text/plain;charset=UTF-8"
                : MediaType.APPLICATION_OCTET_STREAM_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(download.name(), StandardCharsets.UTF_8).build().toString());
        try (InputStream in = download.content()) {
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
            out.flush();
        }
    }

    /** A checked upload kept in the session, with the workspace it was checked for. */
    record Kept<T extends Serializable>(String org, String ws, T upload) implements Serializable {
    }

    private static <T extends Serializable> T kept(HttpSession session, String name, String org, String ws, Class<T> type) {
        return session.getAttribute(name) instanceof Kept<?> kept && kept.org().equals(org) && kept.ws().equals(ws)
                && type.isInstance(kept.upload()) ? type.cast(kept.upload()) : null;
    }

    /** Why a request was refused: the API's result code and message, and its reasons per field (499). */
    private void refused(ApiException e, Model model) {
        if (e.data() instanceof Map<?, ?> data && data.get("errors") instanceof Map<?, ?> errors) {
            model.addAttribute("error", e.result() + " " + text("ui.transfer.invalid"));
            model.addAttribute("reasons", errors);
        } else {
            model.addAttribute("error", e.result() + " " + text(e.messageKey(), e.args()));
        }
    }

    private String text(String key, Object... args) {
        return messages.get(LocaleContextHolder.getLocale(), key, args);
    }

    private static boolean japanese() {
        return LocaleContextHolder.getLocale().getLanguage().equals(Locale.JAPANESE.getLanguage());
    }

    private static String language() {
        return japanese() ? "ja" : "en";
    }
}
