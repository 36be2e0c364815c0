package dev.jita.parametersheet;

import dev.jita.backyard.ClaimedItem;
import dev.jita.backyard.JobHandler;
import dev.jita.core.ApiException;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.menu.Column;
import dev.jita.menu.ColumnType;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuService;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What an {@code ita-by-menu-create} item does: checks its definition against the workspace as it is now and
 * makes the sheet's menus, in one transaction of the maintenance gate. Create New and Initialize start the
 * sheet's records anew; Edit keeps them, fitted to the new definition (see {@link MenuService#reshape}).
 */
@Component
class SheetCreation {

    /** Why an item made nothing; its message becomes the item's note. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    /** The status of the maintenance gate's refusals in load mode. */
    private static final int LOAD_MODE = 498;

    /** The column types a pulldown may take its values from: one line of text or a number or date. */
    private static final Set<ColumnType> PULLDOWN_SOURCES = Set.of(ColumnType.ID, ColumnType.STRING, ColumnType.INTEGER,
            ColumnType.FLOAT, ColumnType.DATE, ColumnType.DATETIME, ColumnType.LINK, ColumnType.CHOICE);

    private final SheetStore store;
    private final MenuCatalog catalog;
    private final MenuService menus;
    private final MaintenanceGate gate;

    SheetCreation(SheetStore store, MenuCatalog catalog, MenuService menus, MaintenanceGate gate) {
        this.store = store;
        this.catalog = catalog;
        this.menus = menus;
        this.gate = gate;
    }

    /**
     * Makes the menus the item's history asks for: the item ends in Completed, or in Completed(error) with the
     * reason nothing changed. When load mode is (being switched) ON, the transaction is rolled back and the item
     * waits again as Unexecuted: it is made once the modes are OFF, as a backyard does nothing in load mode.
     */
    JobHandler.Step create(ClaimedItem item) {
        try {
            gate.write(Refusal.PARAMETER_SHEET, () -> {
                make(item);
                return null;
            });
            return JobHandler.Step.end(MenuCreateJob.COMPLETED);
        } catch (Refused refused) {
            return JobHandler.Step.end(MenuCreateJob.COMPLETED_ERROR, refused.getMessage());
        } catch (ApiException refused) {
            if (refused.status() != LOAD_MODE) {
                throw refused;
            }
            return JobHandler.Step.again("Load mode (data_update_stop) was switched ON before the sheet's menus were "
                    + "made (" + refused.result() + "); nothing was changed. They are made once it is OFF.");
        }
    }

    private void make(ClaimedItem item) {
        String org = item.organizationId();
        String ws = item.workspaceId();
        SheetStore.History history = store.history(item.itemId())
                .orElseThrow(() -> new Refused("No definition was registered with this item."));
        SheetStore.Sheet sheet = store.findById(org, ws, history.menuCreateId())
                .orElseThrow(() -> new Refused("The sheet " + history.menuCreateId() + " no longer exists."));
        List<MenuDefinition> made = checked(org, ws, history.definition());
        String rest = made.get(0).restName();
        if (history.createType() != SheetStore.EDIT) {
            menus.dropRecords(org, ws, rest);
        } else if (sheet.created()) {
            List<String> reasons = menus.reshape(org, ws, SheetLayout.menus(sheet.createdDefinition()).get(0), made.get(0));
            if (!reasons.isEmpty()) {
                throw new Refused("The edit would leave records that its rules refuse (" + reasons.size() + "): "
                        + String.join("; ", reasons.subList(0, Math.min(reasons.size(), 10))));
            }
        }
        store.markCreated(sheet.menuCreateId(), history.definition());
    }

    /** The menus a definition makes, checked against the workspace as it is now (step 2 of the item). */
    List<MenuDefinition> checked(String org, String ws, JsonNode definition) {
        List<MenuDefinition> made;
        try {
            made = SheetLayout.menus(definition);
        } catch (IllegalArgumentException e) {
            throw new Refused("The definition cannot make menus: " + e.getMessage());
        }
        String rest = made.get(0).restName();
        for (MenuDefinition menu : made) {
            checkName(org, ws, rest, menu.restName());
        }
        for (Column column : made.get(0).columns()) {
            if (column.type() == ColumnType.REFERENCE) {
                checkReference(org, ws, made, column);
            }
        }
        checkSheetReferences(org, ws, definition);
        return made;
    }

    /** A sheet's menu may not take the name of a menu jita has, nor of another sheet's menu of the workspace. */
    private void checkName(String org, String ws, String rest, String name) {
        if (catalog.find(name).isPresent()) {
            throw new Refused("The menu name " + name + " is the name of one of jita's own menus.");
        }
        Optional<MenuDefinition> existing = catalog.find(org, ws, name);
        if (existing.isPresent() && !existing.get().recordsName().equals(rest)) {
            throw new Refused("The menu name " + name + " is already the name of a menu of another parameter sheet "
                    + "(" + existing.get().recordsName() + ") in this workspace.");
        }
    }

    /** A pulldown (or a reference item) takes its values from an input menu's column of one line of text or number. */
    private void checkReference(String org, String ws, List<MenuDefinition> made, Column column) {
        String target = column.reference().substring(0, column.reference().indexOf('.'));
        String targetColumn = column.reference().substring(column.reference().indexOf('.') + 1);
        Optional<MenuDefinition> menu = made.get(0).restName().equals(target) ? Optional.of(made.get(0))
                : catalog.find(org, ws, target);
        if (menu.isEmpty()) {
            throw new Refused(column.restName() + ": the menu " + target + " does not exist in this workspace.");
        }
        if (menu.get().recordsOf() != null || !menu.get().userWritable()) {
            throw new Refused(column.restName() + ": the menu " + target + " is a read-only view; choose the menu "
                    + "its records are entered in.");
        }
        Optional<Column> source = menu.get().column(targetColumn);
        if (source.isEmpty()) {
            throw new Refused(column.restName() + ": the menu " + target + " has no column " + targetColumn + ".");
        }
        if (!PULLDOWN_SOURCES.contains(source.get().type())) {
            throw new Refused(column.restName() + ": " + target + "." + targetColumn
                    + " cannot give a pulldown its values (a password, file, multi-line or reference column).");
        }
    }

    /** A parameter-sheet reference names an item of a Host/Operation sheet. */
    private void checkSheetReferences(String org, String ws, JsonNode definition) {
        for (JsonNode item : definition.path("column").values()) {
            if ("ParameterSheetReference".equals(SheetLayout.text(item, "column_class"))) {
                String target = SheetLayout.text(item, "parameter_sheet_reference_menu");
                Optional<MenuDefinition> menu = catalog.find(org, ws, target);
                if (menu.isEmpty() || menu.get().sheet() == null
                        || !SheetLayout.HOST_OPERATION.equals(menu.get().sheet().sheetType())) {
                    throw new Refused(SheetLayout.text(item, "item_name_rest") + ": " + target
                            + " is not a Parameter Sheet (Host/Operation) of this workspace.");
                }
            }
        }
    }
}
