package dev.jita.platform;

import dev.jita.core.ApiResponse;
import dev.jita.security.CurrentUser;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organization's users and their roles per workspace: the API over {@link UserService}.
 * Body: {"username", "password", "email", "firstName", "lastName", "enabled", "organization_manager",
 * "workspaces": [{"id": "ws1", "role": "member"|"viewer"}]}.
 */
@RestController
@RequestMapping("/api/{organizationId}/platform/users")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @PostMapping
    ApiResponse create(@PathVariable String organizationId, @RequestBody(required = false) String raw) {
        return ApiResponse.ok(users.create(organizationId, raw));
    }

    @GetMapping
    ApiResponse list(@PathVariable String organizationId) {
        return ApiResponse.ok(users.list(organizationId));
    }

    @GetMapping("/{username}")
    ApiResponse get(@PathVariable String organizationId, @PathVariable String username) {
        return ApiResponse.ok(users.get(organizationId, username));
    }

    /** Changes the fields present in the body; {@code workspaces}, when present, replaces all roles. */
    @PutMapping("/{username}")
    ApiResponse update(@PathVariable String organizationId, @PathVariable String username,
                       @RequestBody(required = false) String raw) {
        return ApiResponse.ok(users.update(organizationId, username, raw, CurrentUser.name()));
    }

    @DeleteMapping("/{username}")
    ApiResponse delete(@PathVariable String organizationId, @PathVariable String username) {
        users.delete(organizationId, username, CurrentUser.name());
        return ApiResponse.ok(null);
    }
}
