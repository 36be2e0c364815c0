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

/** Organizations, managed by system administrators: the API over {@link OrganizationService}. */
@RestController
@RequestMapping("/api/platform/organizations")
class OrganizationController {

    private final OrganizationService organizations;

    OrganizationController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @PostMapping
    ApiResponse create(@RequestBody(required = false) String raw) {
        return ApiResponse.ok(organizations.create(raw, CurrentUser.name()));
    }

    @GetMapping
    ApiResponse list() {
        return ApiResponse.ok(organizations.list());
    }

    @GetMapping("/{organizationId}")
    ApiResponse get(@PathVariable String organizationId) {
        return ApiResponse.ok(organizations.get(organizationId));
    }

    @PutMapping("/{organizationId}")
    ApiResponse update(@PathVariable String organizationId, @RequestBody(required = false) String raw) {
        return ApiResponse.ok(organizations.update(organizationId, raw, CurrentUser.name()));
    }

    @DeleteMapping("/{organizationId}")
    ApiResponse delete(@PathVariable String organizationId) {
        organizations.delete(organizationId);
        return ApiResponse.ok(null);
    }
}
