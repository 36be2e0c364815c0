package dev.jita.web;

import dev.jita.core.ApiException;
import dev.jita.core.Messages;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.platform.OrganizationService;
import dev.jita.platform.PasswordPolicy;
import dev.jita.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/**
 * The system administrator's organization pages: list, create with a manager, change the name, see an
 * organization's workspaces, users and managers, delete.
 */
@Controller
class OrganizationPages {

    private static final Map<String, String> FIELDS = Map.of("id", "id", "name", "name", "username", "manager",
            "credentials[0].value", "password", "email", "email", "credentials", "password");

    private final OrganizationService organizations;
    private final Messages messages;
    private final ObjectMapper json;
    private final MaintenanceGate gate;
    private final PasswordPolicy passwords;

    OrganizationPages(OrganizationService organizations, Messages messages, ObjectMapper json, MaintenanceGate gate,
                      PasswordPolicy passwords) {
        this.organizations = organizations;
        this.messages = messages;
        this.json = json;
        this.gate = gate;
        this.passwords = passwords;
    }

    @GetMapping("/admin/organizations")
    String list(Model model) {
        common(model);
        model.addAttribute("organizations", organizations.list());
        return "organizations";
    }

    @PostMapping("/admin/organizations")
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Map<String, String> entered = new LinkedHashMap<>();
        for (String field : List.of("id", "name", "manager", "email")) {
            entered.put(field, form.getOrDefault(field, "").trim());
        }
        Map<String, Object> manager = new LinkedHashMap<>();
        manager.put("username", entered.get("manager"));
        manager.put("email", entered.get("email"));
        manager.put("credentials", List.of(Map.of("type", "password", "value", form.getOrDefault("password", ""))));
        Map<String, Object> body = Map.of("id", entered.get("id"), "name", entered.get("name"),
                "organization_managers", List.of(manager));
        try {
            organizations.create(json.writeValueAsString(body), CurrentUser.name());
            return "redirect:/admin/organizations?created";
        } catch (ApiException e) {
            FormState.refused(e, entered, FIELDS, messages, model, response);
            return list(model);
        }
    }

    /** One organization: its name (editable), workspaces, users with their roles, and managers. */
    @GetMapping("/admin/organizations/{organizationId}")
    String details(@PathVariable String organizationId, Model model) {
        common(model);
        Map<String, Object> organization = organizations.details(organizationId);
        model.addAttribute("organization", organization);
        model.addAttribute("managers", ((List<?>) organization.get("users")).stream()
                .filter(user -> Boolean.TRUE.equals(((Map<?, ?>) user).get("organization_manager"))).toList());
        if (!model.containsAttribute("entered")) {
            model.addAttribute("entered", Map.of("name", String.valueOf(organization.get("name"))));
        }
        return "organization";
    }

    @PostMapping("/admin/organizations/{organizationId}")
    String update(@PathVariable String organizationId, @RequestParam(defaultValue = "") String name, Model model,
                  HttpServletResponse response) {
        try {
            organizations.update(organizationId, json.writeValueAsString(Map.of("name", name.trim())),
                    CurrentUser.name());
            return "redirect:/admin/organizations/" + organizationId + "?updated";
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            FormState.refused(e, Map.of("name", name), FIELDS, messages, model, response);
            return details(organizationId, model);
        }
    }

    @PostMapping("/admin/organizations/{organizationId}/delete")
    String delete(@PathVariable String organizationId, Model model, HttpServletResponse response) {
        try {
            organizations.delete(organizationId);
            return "redirect:/admin/organizations?deleted";
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            FormState.refused(e, Map.of(), FIELDS, messages, model, response);
            return list(model);
        }
    }

    private void common(Model model) {
        model.addAttribute("loadMode", gate.current().dataUpdateStop());
        model.addAttribute("passwordRule", passwords.settings());
        if (!model.containsAttribute("entered")) {
            model.addAttribute("entered", Map.of());
        }
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
    }
}
