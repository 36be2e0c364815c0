package dev.jita.parametersheet;

import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The menus of a workspace's made sheets, looked up in {@code sheet_definition} at each request (one query on
 * its unique index), so that every node answers a sheet's menus as soon as the item that made them commits.
 * The parsed menus are kept per sheet while its created definition is the same text: a small cache that can
 * never answer for a definition the database no longer holds.
 */
@Component
class SheetMenus implements MenuCatalog.WorkspaceMenus {

    private static final int CACHED_SHEETS = 256;

    private record Parsed(String definition, List<MenuDefinition> menus) {
    }

    private final SheetStore store;
    private final ObjectMapper json;
    private final Map<String, Parsed> parsed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > CACHED_SHEETS;
        }
    };

    SheetMenus(SheetStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public Optional<MenuDefinition> find(String organizationId, String workspaceId, String restName) {
        List<String> names = new ArrayList<>(List.of(restName));
        if (restName.endsWith(SheetLayout.SUBST)) {
            names.add(restName.substring(0, restName.length() - SheetLayout.SUBST.length()));
        }
        for (SheetStore.Created sheet : store.created(organizationId, workspaceId, names)) {
            Optional<MenuDefinition> menu = menus(sheet).stream().filter(m -> m.restName().equals(restName)).findFirst();
            if (menu.isPresent()) {
                return menu;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<MenuDefinition> all(String organizationId, String workspaceId) {
        List<MenuDefinition> all = new ArrayList<>();
        store.allCreated(organizationId, workspaceId).forEach(sheet -> all.addAll(menus(sheet)));
        return all;
    }

    /** The menus of a made sheet (its definition was checked when they were made). */
    List<MenuDefinition> menus(SheetStore.Created sheet) {
        synchronized (parsed) {
            Parsed known = parsed.get(sheet.menuCreateId());
            if (known != null && known.definition().equals(sheet.definition())) {
                return known.menus();
            }
        }
        List<MenuDefinition> menus = SheetLayout.menus(json.readTree(sheet.definition()));
        synchronized (parsed) {
            parsed.put(sheet.menuCreateId(), new Parsed(sheet.definition(), menus));
        }
        return menus;
    }
}
