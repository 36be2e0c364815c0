package dev.jita.web;

import dev.jita.core.ApiException;
import dev.jita.core.Messages;
import dev.jita.execution.Executions;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.menu.Column;
import dev.jita.menu.ColumnType;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuService;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.platform.WorkspaceRole;
import dev.jita.platform.WorkspaceService;
import dev.jita.security.CurrentUser;
import dev.jita.security.JitaUser;
import dev.jita.transfer.MenuExcel;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An organization user's pages: their workspaces, and each menu as a table with search, paging, register,
 * discard and restore. Writes go through the menu engine, so its rules, its 499 reasons and load mode's
 * refusal are the API's; in load mode the write controls are not offered at all.
 */
@Controller
class WorkspacePages {

    static final int PAGE_SIZE = 20;
    /** The page sizes a menu table offers. */
    static final List<String> PAGE_SIZES = List.of("20", "50", "100");
    private static final String FIELD = "p:";
    /** The parameters of a table's URL (see {@link MenuTable}). */
    private static final Pattern TABLE_PARAMETER = Pattern.compile("(q|l|from|to):\\w+|discarded|sort|dir|size|page");

    private final WorkspaceService workspaces;
    private final WorkspaceAccess access;
    private final MenuCatalog catalog;
    private final MenuService menus;
    private final MaintenanceGate gate;
    private final Messages messages;
    private final ObjectMapper json;
    private final Executions executions;
    private final MenuExcel excel;
    private final ReaderZones readers;

    /** A refusal of an upload: where (an Excel row, or an item of a JSON file), which column, and why. */
    record UploadRefusal(String row, String column, String reason) {
    }

    /** A link to a driver's execution pages. */
    record DriverLink(String pagePath, String title) {
    }

    WorkspacePages(WorkspaceService workspaces, WorkspaceAccess access, MenuCatalog catalog, MenuService menus,
                   MaintenanceGate gate, Messages messages, ObjectMapper json, Executions executions, MenuExcel excel,
                   ReaderZones readers) {
        this.readers = readers;
        this.executions = executions;
        this.excel = excel;
        this.workspaces = workspaces;
        this.access = access;
        this.catalog = catalog;
        this.menus = menus;
        this.gate = gate;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/ui/workspaces")
    String list(Model model) {
        JitaUser user = CurrentUser.get();
        model.addAttribute("workspaces", workspaces.list(user.organizationId(), user));
        return "workspaces";
    }

    @GetMapping("/ui/ws/{org}/{ws}/menu/{menu}")
    String menu(@PathVariable String org, @PathVariable String ws, @PathVariable String menu,
                @RequestParam Map<String, String> query, Model model) {
        WorkspaceRole role = access.requireRead(org, ws);
        MenuDefinition definition = catalog.get(org, ws, menu);
        Locale locale = LocaleContextHolder.getLocale();
        boolean japanese = locale.getLanguage().equals("ja");
        List<Column> columns = definition.columns().stream().filter(c -> c.type() != ColumnType.ID).toList();
        String base = "/ui/ws/" + org + "/" + ws + "/menu/" + menu;
        MenuTable table = MenuTable.of(columns, query, base, japanese, readers.current());
        List<String> errors = new ArrayList<>();
        int size = PAGE_SIZE;
        if (table.size() != null) {
            if (PAGE_SIZES.contains(table.size())) {
                size = Integer.parseInt(table.size());
            } else {
                errors.add(messages.get(locale, "ui.menu.bad_page_size", table.size()));
            }
        }
        if (!table.discardedKnown()) {
            errors.add(messages.get(locale, "ui.menu.bad_discarded", table.discarded()));
        }
        long total = 0;
        int page = 1;
        int pages = 1;
        List<MenuService.Record> records = List.of();
        if (errors.isEmpty()) {
            try {
                ObjectNode conditions = table.conditions(json);
                total = menus.count(org, ws, menu, conditions);
                pages = (int) Math.max(1, (total + size - 1) / size);
                page = Math.min(Math.max(1, parsePage(query.get("page"))), pages);
                records = menus.search(org, ws, menu, conditions, table.sort(), (page - 1) * size, size, false);
            } catch (ApiException e) {
                errors.add(messages.get(locale, "ui.menu.bad_search", messages.get(locale, e.messageKey(), e.args())));
            }
        }
        if (!errors.isEmpty()) {
            HttpServletResponse response = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                    .getResponse();
            if (response != null) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
            if (!model.containsAttribute("error")) {
                model.addAttribute("error", String.join(" ", errors));
            }
        }
        model.addAttribute("org", org);
        model.addAttribute("ws", ws);
        model.addAttribute("menu", definition);
        model.addAttribute("menus", catalog.all(org, ws));
        // A driver the organization was created without has no movements, hence no execution pages.
        model.addAttribute("drivers", executions.drivers().stream()
                .filter(driver -> catalog.find(org, driver.movementMenu()).isPresent())
                .map(driver -> new DriverLink(driver.pagePath(), driver.title())).toList());
        model.addAttribute("japanese", japanese);
        model.addAttribute("columns", columns);
        model.addAttribute("instantColumns", columns.stream().filter(MenuTable::instants).map(Column::restName).toList());
        model.addAttribute("table", table);
        model.addAttribute("filters", table.filters(column -> menus.values(org, ws, menu, column), locale, messages));
        model.addAttribute("headerRows", GroupedHeaders.of(definition, columns, japanese));
        model.addAttribute("base", base);
        model.addAttribute("records", records);
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("pageLinks", MenuTable.pageNumbers(page, pages));
        model.addAttribute("size", size);
        model.addAttribute("sizes", PAGE_SIZES);
        model.addAttribute("discardedModes", MenuTable.DISCARDED);
        model.addAttribute("journaled", menus.journaled(menu));
        // A driver's execution list links each row to the execution's own page.
        model.addAttribute("recordPage", executions.drivers().stream().filter(d -> d.listMenu().equals(menu))
                .findFirst().map(d -> "/ui/ws/" + org + "/" + ws + "/" + d.pagePath() + "/").orElse(null));
        boolean loadMode = gate.current().dataUpdateStop();
        model.addAttribute("loadMode", loadMode);
        model.addAttribute("canWrite", role == WorkspaceRole.MEMBER && definition.userWritable() && !loadMode);
        model.addAttribute("viewer", role == WorkspaceRole.VIEWER);
        if (role == WorkspaceRole.MEMBER && definition.userWritable() && !loadMode) {
            Map<String, List<String>> references = new LinkedHashMap<>();
            columns.stream().filter(c -> c.type() == ColumnType.REFERENCE && !c.readOnly())
                    .forEach(c -> references.put(c.restName(), menus.values(org, ws, menu, c.restName())));
            model.addAttribute("references", references);
            model.addAttribute("editData", json.writeValueAsString(
                    MenuEditMode.pageData(columns, records, japanese, locale, messages)));
            model.addAttribute("back", table.pageLink(page).substring(base.length() + 1));
        }
        return "menu";
    }

    /** A record's journal: who changed what when, newest first. Another organization's record is a missing one. */
    @GetMapping("/ui/ws/{org}/{ws}/menu/{menu}/{uuid}/history")
    String recordHistory(@PathVariable String org, @PathVariable String ws, @PathVariable String menu,
                         @PathVariable String uuid, Model model) {
        if (!org.equals(CurrentUser.get().organizationId())) {
            throw recordNotFound(uuid);
        }
        access.requireRead(org, ws);
        MenuDefinition definition = catalog.get(org, ws, menu);
        if (!menus.journaled(menu)) {
            throw recordNotFound(uuid);
        }
        List<Map<String, Object>> journal = menus.journal(org, ws, menu, uuid);
        List<MenuHistory.Row> rows = new ArrayList<>();
        Map<String, Object> before = null;
        for (Map<String, Object> entry : journal) {
            @SuppressWarnings("unchecked")
            Map<String, Object> parameter = (Map<String, Object>) entry.get("parameter");
            rows.add(0, MenuHistory.row(definition, uuid, String.valueOf(entry.get("journal_datetime")),
                    String.valueOf(entry.get("journal_action")), String.valueOf(parameter.get("last_updated_user")),
                    before, parameter, labels()));
            before = parameter;
        }
        history(org, ws, definition, model);
        model.addAttribute("recordId", uuid);
        model.addAttribute("rows", rows);
        model.addAttribute("total", (long) rows.size());
        return "menu-history";
    }

    /** The latest changes of a menu's records, newest first, paged. */
    @GetMapping("/ui/ws/{org}/{ws}/menu/{menu}/history")
    String menuHistory(@PathVariable String org, @PathVariable String ws, @PathVariable String menu,
                       @RequestParam(required = false) String page, Model model) {
        access.requireRead(org, ws);
        MenuDefinition definition = catalog.get(org, ws, menu);
        if (!menus.journaled(menu)) {
            throw ApiException.notFound("error.path_not_found", menu + "/history");
        }
        int current = Math.max(1, parsePage(page));
        MenuService.History history = menus.history(org, ws, menu, (current - 1) * PAGE_SIZE, PAGE_SIZE);
        int pages = (int) Math.max(1, (history.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (current > pages) {
            current = pages;
            history = menus.history(org, ws, menu, (current - 1) * PAGE_SIZE, PAGE_SIZE);
        }
        MenuHistory.Labels labels = labels();
        history(org, ws, definition, model);
        model.addAttribute("rows", history.entries().stream().map(e -> MenuHistory.row(definition, e.recordId(),
                e.datetime(), e.action(), e.user(), e.before(), e.parameter(), labels)).toList());
        model.addAttribute("total", history.total());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("pageLinks", MenuTable.pageNumbers(current, pages));
        return "menu-history";
    }

    private void history(String org, String ws, MenuDefinition definition, Model model) {
        model.addAttribute("org", org);
        model.addAttribute("ws", ws);
        model.addAttribute("menu", definition);
        model.addAttribute("japanese", LocaleContextHolder.getLocale().getLanguage().equals("ja"));
        model.addAttribute("base", "/ui/ws/" + org + "/" + ws + "/menu/" + definition.restName());
    }

    /** The fields' names in the page's language. */
    private MenuHistory.Labels labels() {
        Locale locale = LocaleContextHolder.getLocale();
        return new MenuHistory.Labels(locale.getLanguage().equals("ja"), messages.get(locale, "ui.menu.remarks"),
                messages.get(locale, "ui.menu.discard"));
    }

    @PostMapping("/ui/ws/{org}/{ws}/menu/{menu}/register")
    String register(@PathVariable String org, @PathVariable String ws, @PathVariable String menu,
                    MultipartHttpServletRequest request, Model model) throws IOException {
        access.requireWrite(org, ws);
        ObjectNode parameter = json.createObjectNode();
        ObjectNode file = json.createObjectNode();
        readForm(catalog.get(org, ws, menu), request, parameter, file, false);
        return write(org, ws, menu, new MenuService.Operation(MenuService.Operation.REGISTER, parameter, file),
                request.getParameterMap(), request.getParameter("back"), model);
    }

    /**
     * Another organization's record answers exactly as a missing one (404, the same body), so the page never
     * tells whether a record exists elsewhere; the caller's rights in their own workspace are checked first.
     */
    @GetMapping("/ui/ws/{org}/{ws}/menu/{menu}/{uuid}/edit")
    String edit(@PathVariable String org, @PathVariable String ws, @PathVariable String menu, @PathVariable String uuid,
                @RequestParam Map<String, String> query, Model model) {
        if (!org.equals(CurrentUser.get().organizationId())) {
            throw recordNotFound(uuid);
        }
        access.requireRead(org, ws);
        MenuService.Record record = menus.record(org, ws, menu, uuid).orElseThrow(() -> recordNotFound(uuid));
        Map<String, String> entered = new LinkedHashMap<>();
        record.parameter().forEach((name, value) -> entered.put(name, value == null ? "" : String.valueOf(value)));
        if (!model.containsAttribute("entered")) {
            model.addAttribute("entered", entered);
        }
        model.addAttribute("editing", record);
        return menu(org, ws, menu, query, model);
    }

    @PostMapping("/ui/ws/{org}/{ws}/menu/{menu}/{uuid}/update")
    String update(@PathVariable String org, @PathVariable String ws, @PathVariable String menu, @PathVariable String uuid,
                  MultipartHttpServletRequest request, Model model) throws IOException {
        access.requireWrite(org, ws);
        ObjectNode parameter = json.createObjectNode().put("uuid", uuid)
                .put("last_update_date_time", request.getParameter("last_update_date_time"));
        ObjectNode file = json.createObjectNode();
        readForm(catalog.get(org, ws, menu), request, parameter, file, true);
        try {
            menus.apply(org, ws, menu, () -> List.of(new MenuService.Operation(MenuService.Operation.UPDATE, parameter, file)),
                    CurrentUser.name());
            return back(org, ws, menu, request.getParameter("back"));
        } catch (ApiException e) {
            refused(e, request.getParameterMap(), model);
            return edit(org, ws, menu, uuid, query(request.getParameter("back")), model);
        }
    }

    @PostMapping("/ui/ws/{org}/{ws}/menu/{menu}/{uuid}/{action}")
    String discardOrRestore(@PathVariable String org, @PathVariable String ws, @PathVariable String menu,
                            @PathVariable String uuid, @PathVariable String action,
                            @RequestParam("last_update_date_time") String lastUpdate, Model model) {
        access.requireWrite(org, ws);
        String type = switch (action) {
            case "discard" -> MenuService.Operation.DISCARD;
            case "restore" -> MenuService.Operation.RESTORE;
            default -> throw ApiException.notFound("error.path_not_found", action);
        };
        ObjectNode parameter = json.createObjectNode().put("uuid", uuid).put("last_update_date_time", lastUpdate);
        return write(org, ws, menu, new MenuService.Operation(type, parameter, null), Map.of(), null, model);
    }

    private String write(String org, String ws, String menu, MenuService.Operation operation,
                         Map<String, String[]> form, String back, Model model) {
        try {
            menus.apply(org, ws, menu, () -> List.of(operation), CurrentUser.name());
            return back(org, ws, menu, back);
        } catch (ApiException e) {
            refused(e, form, model);
            return menu(org, ws, menu, query(back), model);
        }
    }

    /**
     * Back to the table with the search it was left with: only parameters a table's URL may hold are kept, each
     * encoded again, so the redirect never leaves the table.
     */
    private static String back(String org, String ws, String menu, String back) {
        StringBuilder link = new StringBuilder("/ui/ws/" + org + "/" + ws + "/menu/" + menu + "?");
        query(back).forEach((name, value) -> {
            if (TABLE_PARAMETER.matcher(name).matches() && !value.isBlank() && !(name.equals("page") && value.equals("1"))) {
                link.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        });
        return "redirect:" + link + "done";
    }

    /** A table's query string as its parameters. */
    private static Map<String, String> query(String text) {
        Map<String, String> query = new LinkedHashMap<>();
        if (text != null) {
            for (String pair : text.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    /**
     * A file of records applied to the menu, all or nothing: an Excel workbook of the download's layout (process
     * type per row), or a JSON file (see {@link JsonUpload}). On success the page shows the counts; else the
     * refusals, by row or item and column, and nothing is written.
     */
    @PostMapping("/ui/ws/{org}/{ws}/menu/{menu}/upload")
    String upload(@PathVariable String org, @PathVariable String ws, @PathVariable String menu,
                  MultipartHttpServletRequest request, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) throws IOException {
        access.requireWrite(org, ws);
        MenuDefinition definition = catalog.get(org, ws, menu);
        Locale locale = LocaleContextHolder.getLocale();
        MultipartFile upload = request.getFile("file");
        JsonUpload[] read = {null};
        boolean workbook = false;
        try {
            if (upload == null || upload.isEmpty()) {
                throw ApiException.badBody("ui.menu.upload_no_file");
            }
            byte[] content = upload.getBytes();
            workbook = isWorkbook(upload.getOriginalFilename(), content);
            Map<String, Integer> counts;
            if (workbook) {
                counts = excel.maintain(org, ws, menu, () -> content, CurrentUser.name(),
                        locale.getLanguage().equals("ja")).counts();
            } else {
                counts = menus.apply(org, ws, menu, () -> {
                    read[0] = JsonUpload.read(content, json, menus, org, ws, definition);
                    return read[0].operations();
                }, CurrentUser.name()).counts();
            }
            redirect.addFlashAttribute("uploaded", counts);
            return "redirect:/ui/ws/" + org + "/" + ws + "/menu/" + menu + "?uploaded";
        } catch (ApiException e) {
            List<UploadRefusal> refusals = uploadRefusals(e, workbook, read[0], locale);
            response.setStatus(e.status() == 499 ? HttpServletResponse.SC_BAD_REQUEST : e.status());
            model.addAttribute("uploadError", e.result() + " " + (refusals.isEmpty()
                    ? messages.get(locale, e.messageKey(), e.args()) : messages.get(locale, "ui.menu.upload_refused")));
            model.addAttribute("uploadRefusals", refusals);
            return menu(org, ws, menu, Map.of(), model);
        }
    }

    private static boolean isWorkbook(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xlsm")
                || content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /** The refusals of an upload by Excel row and column, or by JSON item and REST column; empty for others. */
    private List<UploadRefusal> uploadRefusals(ApiException e, boolean workbook, JsonUpload read, Locale locale) {
        List<UploadRefusal> refusals = new ArrayList<>();
        if (!(e.data() instanceof Map<?, ?> data)) {
            return refusals;
        }
        if (workbook && data.get("refusals") instanceof List<?> listed) {
            for (Object one : listed) {
                Map<?, ?> refusal = (Map<?, ?>) one;
                Object column = refusal.get("column");
                Object rest = refusal.get("rest_name");
                refusals.add(new UploadRefusal(refusal.get("row") == null ? "" : refusal.get("row").toString(),
                        (column == null ? "" : column.toString()) + (rest == null ? "" : " (" + rest + ")"),
                        String.valueOf(refusal.get("reason"))));
            }
        } else if (!workbook && read != null && data.get("errors") instanceof Map<?, ?> errors) {
            errors.forEach((index, columns) -> ((Map<?, ?>) columns).forEach((column, reasons) -> refusals.add(
                    new UploadRefusal(messages.get(locale, "ui.menu.upload_item",
                            read.items().get(Integer.parseInt(index.toString()))), column.toString(),
                            String.join("; ", ((List<?>) reasons).stream().map(Object::toString).toList())))));
        }
        return refusals;
    }

    /** The form's fields as a menu request. On an update, an empty field clears the value; a file left empty stays. */
    private static void readForm(MenuDefinition menu, MultipartHttpServletRequest request, ObjectNode parameter,
                                 ObjectNode file, boolean updating) throws IOException {
        for (Column column : menu.columns()) {
            if (column.readOnly()) {
                continue;
            }
            if (column.type() == ColumnType.FILE) {
                MultipartFile upload = request.getFile(FIELD + column.restName());
                if (upload != null && !upload.isEmpty()) {
                    parameter.put(column.restName(), upload.getOriginalFilename());
                    file.put(column.restName(), Base64.getEncoder().encodeToString(upload.getBytes()));
                }
                continue;
            }
            String value = request.getParameter(FIELD + column.restName());
            if (value != null && (updating ? column.type() != ColumnType.PASSWORD || !value.isEmpty() : !value.isEmpty())) {
                parameter.put(column.restName(), value);
            }
        }
        String remarks = request.getParameter(FIELD + "remarks");
        if (remarks != null && (updating || !remarks.isEmpty())) {
            parameter.put("remarks", remarks);
        }
    }

    /** Shows why a write was refused: the reasons per field (499), or the refusal itself (498, 403, ...). */
    private void refused(ApiException e, Map<String, String[]> form, Model model) {
        model.addAttribute("error", e.result() + " " + (e.status() == 499
                ? messages.get(LocaleContextHolder.getLocale(), "ui.menu.invalid")
                : messages.get(LocaleContextHolder.getLocale(), e.messageKey(), e.args())));
        if (e.data() instanceof Map<?, ?> data && data.get("errors") instanceof Map<?, ?> errors
                && errors.get("0") instanceof Map<?, ?> reasons) {
            Map<String, List<String>> translated = new LinkedHashMap<>();
            reasons.forEach((column, given) -> translated.put(column.toString(), ((List<?>) given).stream()
                    .map(reason -> RefusalReasons.translate(reason.toString(), LocaleContextHolder.getLocale(), messages))
                    .toList()));
            model.addAttribute("reasons", translated);
        }
        Map<String, String> entered = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(FIELD) && values.length > 0) {
                entered.put(name.substring(FIELD.length()), values[0]);
            }
        });
        model.addAttribute("entered", entered);
    }

    private static ApiException recordNotFound(String uuid) {
        return ApiException.notFound("menu.record_not_found", uuid);
    }

    private static int parsePage(String page) {
        try {
            return page == null ? 1 : Integer.parseInt(page);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
