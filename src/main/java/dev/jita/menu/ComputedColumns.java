package dev.jita.menu;

import java.util.List;
import java.util.Map;

/**
 * Read-only columns whose values another module knows (e.g. {@code operation_list.last_run_date} from the
 * drivers' executions): computed each time the menu is read, so they are never stale and never written in
 * load mode. When several modules give the same column of a record, the greatest value wins (the values are
 * dates as "YYYY/MM/DD hh:mm:ss", which sort as text).
 */
public interface ComputedColumns {

    /** The REST names of the menus whose columns this fills. */
    List<String> menus();

    /** Whether this fills columns of a menu that appears while jita runs (a parameter sheet's), not in {@link #menus()}. */
    default boolean fills(MenuDefinition menu) {
        return false;
    }

    /** Record id → REST column name → value, for the given records as read (records may be left out). */
    Map<String, Map<String, Object>> values(String menu, String organizationId, String workspaceId,
                                            List<MenuService.Record> records);
}
