package dev.jita.web;

import dev.jita.core.ApiException;
import dev.jita.core.Messages;
import dev.jita.platform.OrganizationService;
import dev.jita.security.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/** The system administrator's organization pages: list, create with a manager, delete. */
@Controller
class OrganizationPages {

    private final OrganizationService organizations;
    private final Messages messages;
    private final ObjectMapper json;

    OrganizationPages(OrganizationService organizations, Messages messages, ObjectMapper json) {
        this.organizations = organizations;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/admin/organizations")
    String list(Model model) {
        model.addAttribute("organizations", organizations.list());
        return "organizations";
    }

    @PostMapping("/admin/organizations")
    String create(@RequestParam String id, @RequestParam String name, @RequestParam String manager,
                  @RequestParam String password, @RequestParam(required = false) String email, Model model) {
        Map<String, Object> body = Map.of("id", id.trim(), "name", name.trim(),
                "organization_managers", List.of(Map.of("username", manager.trim(), "email", email == null ? "" : email.trim(),
                        "credentials", List.of(Map.of("type", "password", "value", password)))));
        return attempt(() -> organizations.create(json.writeValueAsString(body), CurrentUser.name()), "created", model);
    }

    @PostMapping("/admin/organizations/{organizationId}/delete")
    String delete(@PathVariable String organizationId, Model model) {
        return attempt(() -> organizations.delete(organizationId), "deleted", model);
    }

    /** Runs the service the API runs; a refusal is shown on the page in the user's language. */
    private String attempt(Runnable action, String done, Model model) {
        try {
            action.run();
            return "redirect:/admin/organizations?" + done;
        } catch (ApiException e) {
            model.addAttribute("error", e.result() + " " + messages.get(LocaleContextHolder.getLocale(), e.messageKey(), e.args()));
            return list(model);
        }
    }
}
