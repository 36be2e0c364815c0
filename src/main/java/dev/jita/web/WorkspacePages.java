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
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
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
    private static final String FIELD = "p:";

    private final WorkspaceService workspaces;
    private final WorkspaceAccess access;
    private final MenuCatalog catalog;
    private final MenuService menus;
    private final MaintenanceGate gate;
    private final Messages messages;
    private final ObjectMapper json;
    private final Executions executions;

    /** A link to a driver's execution pages. */
    record DriverLink(String pagePath, String title) {
    }

    WorkspacePages(WorkspaceService workspaces, WorkspaceAccess access, MenuCatalog catalog, MenuService menus,
                   MaintenanceGate gate, Messages messages, ObjectMapper json, Executions executions) {
        this.executions = executions;
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
        ObjectNode conditions = conditions(query);
        long total = menus.count(org, ws, menu, conditions);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, parsePage(query.get("page"))), pages);
        model.addAttribute("org", org);
        model.addAttribute("ws", ws);
        model.addAttribute("menu", definition);
        model.addAttribute("menus", catalog.all(org, ws));
        // A driver the organization was created without has no movements, hence no execution pages.
        model.addAttribute("drivers", executions.drivers().stream()
                .filter(driver -> catalog.find(org, driver.movementMenu()).isPresent())
                .map(driver -> new DriverLink(driver.pagePath(), driver.title())).toList());
        boolean japanese = LocaleContextHolder.getLocale().getLanguage().equals("ja");
        model.addAttribute("japanese", japanese);
        List<Column> columns = definition.columns().stream().filter(c -> c.type() != ColumnType.ID).toList();
        model.addAttribute("columns", columns);
        model.addAttribute("headerRows", GroupedHeaders.of(definition, columns, japanese));
        model.addAttribute("records", menus.search(org, ws, menu, conditions, (page - 1) * PAGE_SIZE, PAGE_SIZE, false));
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("query", query);
        boolean loadMode = gate.current().dataUpdateStop();
        model.addAttribute("loadMode", loadMode);
        model.addAttribute("canWrite", role == WorkspaceRole.MEMBER && definition.userWritable() && !loadMode);
        model.addAttribute("viewer", role == WorkspaceRole.VIEWER);
        return "menu";
    }

    @PostMapping("/ui/ws/{org}/{ws}/menu/{menu}/register")
    String register(@PathVariable String org, @PathVariable String ws, @PathVariable String menu,
                    MultipartHttpServletRequest request, Model model) throws IOException {
        access.requireWrite(org, ws);
        ObjectNode parameter = json.createObjectNode();
        ObjectNode file = json.createObjectNode();
        readForm(catalog.get(org, ws, menu), request, parameter, file, false);
        return write(org, ws, menu, new MenuService.Operation(MenuService.Operation.REGISTER, parameter, file),
                request.getParameterMap(), model);
    }

    /**
     * Another organization's record answers exactly as a missing one (404, the same body), so the page never
     * tells whether a record exists elsewhere; the caller's rights in their own workspace are checked first.
     */
    @GetMapping("/ui/ws/{org}/{ws}/menu/{menu}/{uuid}/edit")
    String edit(@PathVariable String org, @PathVariable String ws, @PathVariable String menu, @PathVariable String uuid,
                Model model) {
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
        return menu(org, ws, menu, Map.of(), model);
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
            return "redirect:/ui/ws/" + org + "/" + ws + "/menu/" + menu + "?done";
        } catch (ApiException e) {
            refused(e, request.getParameterMap(), model);
            return edit(org, ws, menu, uuid, model);
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
        return write(org, ws, menu, new MenuService.Operation(type, parameter, null), Map.of(), model);
    }

    private String write(String org, String ws, String menu, MenuService.Operation operation,
                         Map<String, String[]> form, Model model) {
        try {
            menus.apply(org, ws, menu, () -> List.of(operation), CurrentUser.name());
            return "redirect:/ui/ws/" + org + "/" + ws + "/menu/" + menu + "?done";
        } catch (ApiException e) {
            refused(e, form, model);
            return menu(org, ws, menu, Map.of(), model);
        }
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
            model.addAttribute("reasons", reasons);
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

    /** ?q:column=text keeps the records whose column contains the text: Exastro's NORMAL condition. */
    private ObjectNode conditions(Map<String, String> query) {
        ObjectNode conditions = json.createObjectNode();
        query.forEach((name, value) -> {
            if (name.startsWith("q:") && !value.isBlank()) {
                conditions.putObject(name.substring(2)).put("NORMAL", value.trim());
            }
        });
        return conditions;
    }

    private static int parsePage(String page) {
        try {
            return page == null ? 1 : Integer.parseInt(page);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
