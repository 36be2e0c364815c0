package dev.jita.menu;

import dev.jita.core.ApiException;
import dev.jita.platform.ItaDriver;
import dev.jita.platform.OrganizationDirectory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Every menu jita knows, by REST name. Modules add theirs through {@link MenuProvider} beans. */
@Component
public class MenuCatalog {

    /** Supplies menu definitions (the built-in menus, a driver's menus, ...). */
    public interface MenuProvider {
        List<MenuDefinition> menus();

        /** The driver these menus belong to, when an organization may be created without it; null: always there. */
        default ItaDriver driver() {
            return null;
        }
    }

    /**
     * Menus that exist in one workspace only and appear while jita runs (parameter sheets): looked up in the
     * database at each request, so that every node sees a menu as soon as it is made.
     */
    public interface WorkspaceMenus {
        Optional<MenuDefinition> find(String organizationId, String workspaceId, String restName);

        List<MenuDefinition> all(String organizationId, String workspaceId);
    }

    private final Map<String, MenuDefinition> menus = new LinkedHashMap<>();
    private final Map<String, ItaDriver> drivers = new HashMap<>();
    private final OrganizationDirectory organizations;
    private final List<WorkspaceMenus> workspaceMenus;

    MenuCatalog(List<MenuProvider> providers, OrganizationDirectory organizations, List<WorkspaceMenus> workspaceMenus) {
        this.organizations = organizations;
        this.workspaceMenus = workspaceMenus;
        for (MenuProvider provider : providers) {
            for (MenuDefinition menu : provider.menus()) {
                if (menus.put(menu.restName(), menu) != null) {
                    throw new IllegalStateException("Menu " + menu.restName() + " is defined twice");
                }
                if (provider.driver() != null) {
                    drivers.put(menu.restName(), provider.driver());
                }
            }
        }
        menus.values().forEach(this::checkReferences);
    }

    public Optional<MenuDefinition> find(String restName) {
        return Optional.ofNullable(menus.get(restName));
    }

    public MenuDefinition get(String restName) {
        return find(restName).orElseThrow(() -> ApiException.notFound("menu.not_found", restName));
    }

    public Collection<MenuDefinition> all() {
        return menus.values();
    }

    /**
     * A menu as an organization sees it: a menu of a driver the organization was created without answers
     * exactly as an unknown menu.
     */
    public MenuDefinition get(String organizationId, String restName) {
        return find(organizationId, restName).orElseThrow(() -> ApiException.notFound("menu.not_found", restName));
    }

    /** As {@link #get(String, String)}, empty where the organization has no such menu. */
    public Optional<MenuDefinition> find(String organizationId, String restName) {
        ItaDriver driver = drivers.get(restName);
        if (driver != null && organizations.notInstalled(organizationId).contains(driver)) {
            return Optional.empty();
        }
        return find(restName);
    }

    /** The menus an organization has: those of the drivers it was created without are left out. */
    public List<MenuDefinition> all(String organizationId) {
        Set<ItaDriver> absent = drivers.isEmpty() ? Set.of() : organizations.notInstalled(organizationId);
        return menus.values().stream().filter(menu -> {
            ItaDriver driver = drivers.get(menu.restName());
            return driver == null || !absent.contains(driver);
        }).toList();
    }

    /** A menu as a workspace sees it: the organization's menus, then the workspace's own. */
    public MenuDefinition get(String organizationId, String workspaceId, String restName) {
        return find(organizationId, workspaceId, restName)
                .orElseThrow(() -> ApiException.notFound("menu.not_found", restName));
    }

    /** As {@link #get(String, String, String)}, empty where the workspace has no such menu. */
    public Optional<MenuDefinition> find(String organizationId, String workspaceId, String restName) {
        Optional<MenuDefinition> fixed = find(organizationId, restName);
        if (fixed.isPresent() || menus.containsKey(restName)) {
            return fixed;
        }
        for (WorkspaceMenus source : workspaceMenus) {
            Optional<MenuDefinition> menu = source.find(organizationId, workspaceId, restName);
            if (menu.isPresent()) {
                return menu;
            }
        }
        return Optional.empty();
    }

    /** The menus a workspace has: the organization's, then the workspace's own. */
    public List<MenuDefinition> all(String organizationId, String workspaceId) {
        List<MenuDefinition> all = new ArrayList<>(all(organizationId));
        workspaceMenus.forEach(source -> all.addAll(source.all(organizationId, workspaceId)));
        return all;
    }

    private void checkReferences(MenuDefinition menu) {
        for (Column column : menu.columns()) {
            if (column.type() == ColumnType.REFERENCE) {
                MenuDefinition target = menus.get(column.referencedMenu());
                if (target == null || target.column(column.referencedColumn()).isEmpty()) {
                    throw new IllegalStateException(menu.restName() + "." + column.restName()
                            + " refers to the unknown " + column.reference());
                }
            }
        }
    }
}
