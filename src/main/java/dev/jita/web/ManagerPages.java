package dev.jita.web;

import dev.jita.core.ApiException;
import dev.jita.core.Messages;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.platform.PasswordPolicy;
import dev.jita.platform.UserService;
import dev.jita.platform.WorkspaceService;
import dev.jita.security.CurrentUser;
import dev.jita.security.JitaUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/**
 * An organization manager's pages: the organization's workspaces and users, each user's roles per workspace,
 * password resets. Every write builds the API's body and calls the service the API calls, so the rules, the
 * password policy and load mode's refusal are the API's. Other users of the organization get a 403 page that
 * says who may manage it; another organization's manager a plain 403.
 */
@Controller
class ManagerPages {

    private static final String ROLE_FIELD = "role:";
    private static final Map<String, String> WORKSPACE_FIELDS = Map.of("id", "id", "name", "name",
            "description", "description");
    private static final Map<String, String> USER_FIELDS = Map.of("username", "username", "password", "password",
            "email", "email", "firstName", "firstName", "lastName", "lastName");

    private final WorkspaceService workspaces;
    private final UserService users;
    private final MaintenanceGate gate;
    private final Messages messages;
    private final ObjectMapper json;
    private final PasswordPolicy passwords;

    ManagerPages(WorkspaceService workspaces, UserService users, MaintenanceGate gate, Messages messages,
                 ObjectMapper json, PasswordPolicy passwords) {
        this.workspaces = workspaces;
        this.users = users;
        this.gate = gate;
        this.messages = messages;
        this.json = json;
        this.passwords = passwords;
    }

    // ---- workspaces

    @GetMapping("/ui/org/{org}/workspaces")
    String workspaceList(@PathVariable String org, Model model) {
        JitaUser me = requireManager(org);
        common(org, model);
        model.addAttribute("workspaces", workspaces.list(org, me));
        blankForm(model);
        return "manage-workspaces";
    }

    @PostMapping("/ui/org/{org}/workspaces")
    String createWorkspace(@PathVariable String org, @RequestParam Map<String, String> form, Model model,
                           HttpServletResponse response) {
        JitaUser me = requireManager(org);
        Map<String, String> entered = pick(form, "id", "name", "description");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", entered.get("id").trim());
        body.put("name", entered.get("name").trim());
        body.put("informations", Map.of("description", entered.get("description")));
        return attempt(() -> workspaces.create(org, json.writeValueAsString(body), me),
                "redirect:/ui/org/" + org + "/workspaces?created=" + entered.get("id").trim(),
                entered, WORKSPACE_FIELDS, model, response, () -> workspaceList(org, model));
    }

    @GetMapping("/ui/org/{org}/workspaces/{ws}/edit")
    String editWorkspace(@PathVariable String org, @PathVariable String ws, Model model) {
        JitaUser me = requireManager(org);
        common(org, model);
        Map<String, Object> workspace = workspaces.get(org, ws, me);
        model.addAttribute("workspace", workspace);
        if (!model.containsAttribute("entered")) {
            Map<String, String> entered = new LinkedHashMap<>();
            entered.put("name", String.valueOf(workspace.get("name")));
            Object description = ((Map<?, ?>) workspace.get("informations")).get("description");
            entered.put("description", description == null ? "" : description.toString());
            model.addAttribute("entered", entered);
        }
        return "manage-workspace";
    }

    @PostMapping("/ui/org/{org}/workspaces/{ws}")
    String updateWorkspace(@PathVariable String org, @PathVariable String ws, @RequestParam Map<String, String> form,
                           Model model, HttpServletResponse response) {
        JitaUser me = requireManager(org);
        Map<String, String> entered = pick(form, "name", "description");
        Map<String, Object> body = Map.of("name", entered.get("name").trim(),
                "informations", Map.of("description", entered.get("description")));
        return attempt(() -> workspaces.update(org, ws, json.writeValueAsString(body), me),
                "redirect:/ui/org/" + org + "/workspaces?updated=" + ws, entered, WORKSPACE_FIELDS, model, response,
                () -> editWorkspace(org, ws, model));
    }

    @PostMapping("/ui/org/{org}/workspaces/{ws}/delete")
    String deleteWorkspace(@PathVariable String org, @PathVariable String ws, Model model,
                           HttpServletResponse response) {
        requireManager(org);
        return attempt(() -> workspaces.delete(org, ws), "redirect:/ui/org/" + org + "/workspaces?deleted=" + ws,
                Map.of(), WORKSPACE_FIELDS, model, response, () -> workspaceList(org, model));
    }

    // ---- users

    /** Every user with their roles per workspace: what each one can do, in one table. */
    @GetMapping("/ui/org/{org}/users")
    String userList(@PathVariable String org, Model model) {
        JitaUser me = requireManager(org);
        common(org, model);
        model.addAttribute("workspaces", workspaces.list(org, me));
        model.addAttribute("users", users.list(org).stream().map(ManagerPages::withRoleMap).toList());
        blankForm(model);
        return "manage-users";
    }

    @PostMapping("/ui/org/{org}/users")
    String createUser(@PathVariable String org, @RequestParam Map<String, String> form, Model model,
                      HttpServletResponse response) {
        requireManager(org);
        Map<String, String> entered = pick(form, "username", "email", "firstName", "lastName");
        entered.put("organization_manager", String.valueOf(form.containsKey("organization_manager")));
        form.forEach((name, value) -> {
            if (name.startsWith(ROLE_FIELD)) {
                entered.put(name, value);
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", entered.get("username").trim());
        body.put("password", form.getOrDefault("password", ""));
        putPerson(body, entered);
        body.put("organization_manager", form.containsKey("organization_manager"));
        body.put("workspaces", roles(form));
        return attempt(() -> users.create(org, json.writeValueAsString(body)),
                "redirect:/ui/org/" + org + "/users?created=" + entered.get("username").trim(),
                entered, USER_FIELDS, model, response, () -> userList(org, model));
    }

    @GetMapping("/ui/org/{org}/users/{username}/edit")
    String editUser(@PathVariable String org, @PathVariable String username, Model model) {
        JitaUser me = requireManager(org);
        common(org, model);
        Map<String, Object> user = users.get(org, username);
        model.addAttribute("user", user);
        model.addAttribute("workspaces", workspaces.list(org, me));
        model.addAttribute("self", username.equals(me.username()));
        if (!model.containsAttribute("entered")) {
            Map<String, String> entered = new LinkedHashMap<>();
            for (String field : List.of("email", "firstName", "lastName", "enabled", "organization_manager")) {
                entered.put(field, user.get(field) == null ? "" : String.valueOf(user.get(field)));
            }
            for (Object role : (List<?>) user.get("workspaces")) {
                Map<?, ?> item = (Map<?, ?>) role;
                entered.put(ROLE_FIELD + item.get("id"), String.valueOf(item.get("role")));
            }
            model.addAttribute("entered", entered);
        }
        return "manage-user";
    }

    @PostMapping("/ui/org/{org}/users/{username}")
    String updateUser(@PathVariable String org, @PathVariable String username, @RequestParam Map<String, String> form,
                      Model model, HttpServletResponse response) {
        JitaUser me = requireManager(org);
        Map<String, String> entered = pick(form, "email", "firstName", "lastName");
        entered.put("enabled", String.valueOf(form.containsKey("enabled")));
        entered.put("organization_manager", String.valueOf(form.containsKey("organization_manager")));
        form.forEach((name, value) -> {
            if (name.startsWith(ROLE_FIELD)) {
                entered.put(name, value);
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        putPerson(body, entered);
        body.put("enabled", form.containsKey("enabled"));
        body.put("organization_manager", form.containsKey("organization_manager"));
        body.put("workspaces", roles(form));
        return attempt(() -> users.update(org, username, json.writeValueAsString(body), me.username()),
                "redirect:/ui/org/" + org + "/users?updated=" + username, entered, USER_FIELDS, model, response,
                () -> editUser(org, username, model));
    }

    @PostMapping("/ui/org/{org}/users/{username}/password")
    String resetPassword(@PathVariable String org, @PathVariable String username,
                         @RequestParam(defaultValue = "") String password, Model model, HttpServletResponse response) {
        JitaUser me = requireManager(org);
        String body = json.writeValueAsString(Map.of("password", password));
        return attempt(() -> users.update(org, username, body, me.username()),
                "redirect:/ui/org/" + org + "/users/" + username + "/edit?password_reset", Map.of(), USER_FIELDS, model,
                response, () -> editUser(org, username, model));
    }

    @PostMapping("/ui/org/{org}/users/{username}/delete")
    String deleteUser(@PathVariable String org, @PathVariable String username, Model model,
                      HttpServletResponse response) {
        JitaUser me = requireManager(org);
        return attempt(() -> users.delete(org, username, me.username()),
                "redirect:/ui/org/" + org + "/users?deleted=" + username, Map.of(), USER_FIELDS, model, response,
                () -> userList(org, model));
    }

    // ----

    /**
     * Managers of this organization only. Another organization's users learn nothing about it; its own members and
     * viewers are told who may manage it.
     */
    private static JitaUser requireManager(String org) {
        JitaUser me = CurrentUser.get();
        if (!org.equals(me.organizationId())) {
            throw ApiException.forbidden();
        }
        if (!me.organizationManager()) {
            throw new ApiException("403-00001", "ui.manage.not_manager", org);
        }
        return me;
    }

    private void common(String org, Model model) {
        model.addAttribute("org", org);
        model.addAttribute("loadMode", gate.current().dataUpdateStop());
        PasswordPolicy.Settings policy = passwords.settings();
        model.addAttribute("passwordRule", policy);
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
    }

    private static void blankForm(Model model) {
        if (!model.containsAttribute("entered")) {
            model.addAttribute("entered", new LinkedHashMap<String, String>());
        }
    }

    /** Runs a write; a refusal shows the page again with the reason and what was typed. */
    private String attempt(Runnable write, String done, Map<String, String> entered, Map<String, String> fields,
                           Model model, HttpServletResponse response, Supplier<String> again) {
        try {
            write.run();
            return done;
        } catch (ApiException e) {
            if (e.status() == 403 || e.status() == 404 && entered.isEmpty()) {
                throw e;
            }
            FormState.refused(e, entered, fields, messages, model, response);
            return again.get();
        }
    }

    /** A user's view with {@code roles}: workspace id → role, for the table's cells. */
    private static Map<String, Object> withRoleMap(Map<String, Object> user) {
        Map<String, Object> row = new LinkedHashMap<>(user);
        Map<String, Object> roles = new LinkedHashMap<>();
        for (Object item : (List<?>) user.get("workspaces")) {
            Map<?, ?> role = (Map<?, ?>) item;
            roles.put(String.valueOf(role.get("id")), role.get("role"));
        }
        row.put("roles", roles);
        return row;
    }

    private static Map<String, String> pick(Map<String, String> form, String... names) {
        Map<String, String> picked = new LinkedHashMap<>();
        for (String name : names) {
            picked.put(name, form.getOrDefault(name, ""));
        }
        return picked;
    }

    private static void putPerson(Map<String, Object> body, Map<String, String> entered) {
        for (String field : List.of("email", "firstName", "lastName")) {
            String value = entered.get(field).trim();
            body.put(field, value.isEmpty() ? null : value);
        }
    }

    /** The role selects: {@code role:<workspace>} = member, viewer, or empty for none. */
    private static List<Map<String, String>> roles(Map<String, String> form) {
        List<Map<String, String>> roles = new ArrayList<>();
        form.forEach((name, value) -> {
            if (name.startsWith(ROLE_FIELD) && !value.isBlank()) {
                roles.add(Map.of("id", name.substring(ROLE_FIELD.length()), "role", value));
            }
        });
        return roles;
    }
}
