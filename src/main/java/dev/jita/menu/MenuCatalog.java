package dev.jita.menu;

import dev.jita.core.ApiException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every menu jita knows, by REST name. Modules add theirs through {@link MenuProvider} beans. */
@Component
public class MenuCatalog {

    /** Supplies menu definitions (the built-in menus, a driver's menus, ...). */
    public interface MenuProvider {
        List<MenuDefinition> menus();
    }

    private final Map<String, MenuDefinition> menus = new LinkedHashMap<>();

    MenuCatalog(List<MenuProvider> providers) {
        for (MenuProvider provider : providers) {
            for (MenuDefinition menu : provider.menus()) {
                if (menus.put(menu.restName(), menu) != null) {
                    throw new IllegalStateException("Menu " + menu.restName() + " is defined twice");
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
