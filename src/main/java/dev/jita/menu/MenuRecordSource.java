package dev.jita.menu;

import java.util.List;

/**
 * The records of a menu that jita writes itself (an execution list): its owner module shows them through
 * the same search endpoints as any menu. Such menus are defined with {@code userWritable = false}.
 */
public interface MenuRecordSource {

    /** The REST name of the menu this source serves. */
    String menu();

    List<MenuService.Record> records(String organizationId, String workspaceId);
}
