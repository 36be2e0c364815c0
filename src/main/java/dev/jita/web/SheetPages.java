package dev.jita.web;

import dev.jita.core.ApiResponse;
import dev.jita.core.Messages;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.parametersheet.SheetDefinitions;
import dev.jita.parametersheet.SheetSummaries;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.platform.WorkspaceRole;
import dev.jita.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.ObjectMapper;

/**
 * Parameter sheets in the web UI: the workspace's sheets with how their last request went, and the definition
 * page (sheet-editor.js), which posts the body of create/define/execute/ here. The save calls
 * {@link SheetDefinitions} as the API does and answers in the API's envelope, so the page shows the reasons by
 * field and load mode's 498 as they are.
 */
@Controller
class SheetPages {

    private static final String LIST = "/ui/ws/{org}/{ws}/sheets";
    /** The words sheet-editor.js shows, in the page's language (ui.sheet.js.*). */
    private static final List<String> EDITOR_WORDS = List.of("menu_name", "menu_name_rest", "sheet_type", "vertical",
            "display_order", "description", "remarks", "unique_constraint", "group", "group_name", "parent_full_col_group_name",
            "item", "remove", "item_name", "item_name_rest", "column_class", "required", "uniqued", "column_group",
            "single_string_maximum_bytes", "single_string_regular_expression", "single_string_default_value",
            "multi_string_maximum_bytes", "multi_string_regular_expression", "multi_string_default_value",
            "integer_minimum_value", "integer_maximum_value", "integer_default_value", "decimal_minimum_value",
            "decimal_maximum_value", "decimal_digit", "decimal_default_value", "datetime_default_value",
            "date_default_value", "pulldown_selection", "pulldown_selection_default_value", "reference_item",
            "password_maximum_bytes", "file_upload_maximum_bytes", "link_maximum_bytes", "link_default_value",
            "parameter_sheet_reference", "invalid", "saving", "save_failed", "session_ended");

    private final SheetDefinitions definitions;
    private final SheetSummaries summaries;
    private final WorkspaceAccess access;
    private final MaintenanceGate gate;
    private final ObjectMapper json;
    private final Messages messages;

    SheetPages(SheetDefinitions definitions, SheetSummaries summaries, WorkspaceAccess access, MaintenanceGate gate,
               ObjectMapper json, Messages messages) {
        this.definitions = definitions;
        this.summaries = summaries;
        this.access = access;
        this.gate = gate;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping(LIST)
    String list(@PathVariable String org, @PathVariable String ws, @RequestParam(required = false) String requested,
                Model model) {
        WorkspaceRole role = access.requireRead(org, ws);
        common(model, org, ws, role);
        model.addAttribute("sheets", summaries.all(org, ws, japanese()));
        model.addAttribute("requested", requested);
        return "sheets";
    }

    @GetMapping(LIST + "/new")
    String create(@PathVariable String org, @PathVariable String ws, Model model) {
        access.requireWrite(org, ws);
        return editor(model, org, ws, null, "null");
    }

    @GetMapping(LIST + "/{rest}/edit")
    String edit(@PathVariable String org, @PathVariable String ws, @PathVariable String rest, Model model) {
        access.requireWrite(org, ws);
        Object definition = definitions.one(org, ws, rest, japanese()).get("menu_info");
        return editor(model, org, ws, rest, json.writeValueAsString(definition));
    }

    /** Registers the posted definition: {"menu_name_rest", "history_id"}, or the API's refusal in its envelope. */
    @PostMapping(LIST + "/define")
    @ResponseBody
    ApiResponse define(@PathVariable String org, @PathVariable String ws, @RequestBody(required = false) String raw) {
        access.requireWrite(org, ws);
        return ApiResponse.ok(definitions.execute(org, ws, CurrentUser.name(), raw));
    }

    private String editor(Model model, String org, String ws, String rest, String definitionJson) {
        common(model, org, ws, WorkspaceRole.MEMBER);
        model.addAttribute("rest", rest);
        model.addAttribute("definitionJson", definitionJson);
        model.addAttribute("mastersJson", json.writeValueAsString(definitions.masters(org, ws, japanese())));
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> words = new LinkedHashMap<>();
        EDITOR_WORDS.forEach(word -> words.put(word, messages.get(locale, "ui.sheet.js." + word)));
        model.addAttribute("labelsJson", json.writeValueAsString(words));
        return "sheet-editor";
    }

    private void common(Model model, String org, String ws, WorkspaceRole role) {
        boolean loadMode = gate.current().dataUpdateStop();
        model.addAttribute("org", org);
        model.addAttribute("ws", ws);
        model.addAttribute("loadMode", loadMode);
        model.addAttribute("canWrite", role == WorkspaceRole.MEMBER && !loadMode);
    }

    private static boolean japanese() {
        return LocaleContextHolder.getLocale().getLanguage().equals("ja");
    }
}
