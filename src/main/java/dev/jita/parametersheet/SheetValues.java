package dev.jita.parametersheet;

import dev.jita.menu.Column;
import dev.jita.menu.ColumnType;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuService;
import dev.jita.menu.RecordCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Auto-registration: the values parameter sheets give a movement's variables for one operation, by the
 * settings of a driver's {@code subst_value_auto_reg_setting_<driver>} menu. The drivers ask when an
 * execution starts, so that a run uses the sheets as they are then.
 */
@Service
public class SheetValues {

    /** Which sheets a driver takes values from. */
    public enum Target {
        /** Host/Operation sheets: a value per host (Ansible). */
        HOSTS("1"),
        /** Operation sheets: one value per operation (Terraform). */
        OPERATION("3");

        private final String sheetType;

        Target(String sheetType) {
            this.sheetType = sheetType;
        }
    }

    /**
     * A value for a variable.
     *
     * @param host      the host it is for ({@link Target#HOSTS}), else null
     * @param member    the member variable (Terraform), or null
     * @param order     the setting's substitution order, or null
     * @param value     in clear: a password item's value too (then {@code sensitive})
     * @param hcl       the setting's HCL flag (Terraform)
     * @param source    {@code <sheet menu>:<item>}
     * @param file      a file item's stored file (its value is the file's name), else null
     */
    public record Value(String host, String variable, String member, Integer order, String value, boolean sensitive,
                        boolean hcl, String source, byte[] file) {
    }

    private static final String VALUE_TYPE = "Value type";
    private static final String KEY_TYPE = "Key type";
    static final String HOST = "host_name";
    static final String OPERATION = "operation_name_select";
    static final String INPUT_ORDER = "input_order";
    private static final String SUBST = "_subst";
    /** The original's display form of an operation: "YYYY/MM/DD hh:mm_<name>". */
    private static final Pattern OPERATION_DISPLAY = Pattern.compile("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}_");

    private final ObjectProvider<MenuService> menus;
    private final ObjectProvider<MenuCatalog> catalog;
    private final SheetStore sheets;

    SheetValues(ObjectProvider<MenuService> menus, ObjectProvider<MenuCatalog> catalog, SheetStore sheets) {
        this.menus = menus;
        this.catalog = catalog;
        this.sheets = sheets;
    }

    /** A sheet item a setting names: the sheet's input menu and the item's column. */
    record Item(String menu, Column column, boolean bundle) {
    }

    /**
     * Why an auto-registration setting cannot be kept (column → reason), for the drivers' record checks: its
     * item must be an item of a created sheet of the target's type, its column substitution order given for a
     * bundle sheet only.
     */
    public Map<String, String> settingReasons(String organizationId, String workspaceId, Map<String, Object> setting,
                                              Target target) {
        Map<String, String> reasons = new LinkedHashMap<>();
        Object named = setting.get("menu_group_menu_item");
        if (named == null) {
            return reasons;
        }
        Optional<Item> item = item(candidates(organizationId, workspaceId, target), named.toString(), target);
        if (item.isEmpty()) {
            reasons.put("menu_group_menu_item", "no item \"" + named + "\" of a created "
                    + (target == Target.HOSTS ? "Host/Operation" : "Operation") + " parameter sheet; give "
                    + "<menu_name_rest>:<item_name_rest> (or \"group:menu:item\" by display names)");
            return reasons;
        }
        Object order = setting.get("column_substitution_order");
        if (item.get().bundle() && order == null) {
            reasons.put("column_substitution_order", "required: the sheet is a bundle, give the input order to take");
        } else if (!item.get().bundle() && order != null) {
            reasons.put("column_substitution_order", "only for a bundle sheet");
        }
        return reasons;
    }

    /**
     * The columns of a driver's auto-registration settings menu, in Exastro's order: the sheet item, then the
     * movement's variable, the driver's own columns ({@code driverColumns}, e.g. Terraform's HCL setting and member
     * variable), the substitution order and the null link.
     *
     * @param variableName the pattern of a variable name, with or without the original's "movement:" prefix
     */
    public static List<Column> settingColumns(String movementMenu, String variableName, List<Column> driverColumns) {
        List<Column> columns = new ArrayList<>(List.of(
                Column.id("item_no", "Item No.", "項番"),
                Column.text("menu_group_menu_item", "Menu group:Menu:Item", "メニューグループ:メニュー:項目", true, false,
                        4000),
                Column.integer("column_substitution_order", "Column substitution order", "代入順序", false, 1,
                        Integer.MAX_VALUE),
                Column.choice("registration_method", "Registration method", "登録方式", true,
                        List.of(VALUE_TYPE, KEY_TYPE)),
                Column.reference("movement_name", "Movement name", "Movement名", true, movementMenu + ".movement_name"),
                Column.text("variable_name", "Movement name:Variable name", "Movement名:変数名", true, false, 512)
                        .matching("(.+:)?" + variableName)));
        columns.addAll(driverColumns);
        columns.add(Column.integer("substitution_order", "Substitution order", "代入順序", false, 1, Integer.MAX_VALUE));
        columns.add(Column.choice("null_link", "Null link", "NULL連携", false, List.of("True", "False")));
        return columns;
    }

    /** The check of a driver's auto-registration settings menu, for the menu engine (see {@link #settingReasons}). */
    public RecordCheck settingCheck(String settingsMenu, Target target) {
        return new RecordCheck() {
            @Override
            public String menu() {
                return settingsMenu;
            }

            @Override
            public Map<String, String> reasons(String organizationId, String workspaceId, Map<String, Object> values) {
                return settingReasons(organizationId, workspaceId, values, target);
            }
        };
    }

    /**
     * The values the sheets give the variables of {@code movementName} for {@code operationName}, in the order
     * of the settings, then of the sheets' rows. Empty values are left out unless the setting's null link is on.
     */
    public List<Value> resolve(String organizationId, String workspaceId, String settingsMenu, String movementName,
                               String operationName, Target target) {
        MenuService service = menus.getObject();
        Map<String, List<MenuService.Record>> rowsBySheet = new HashMap<>();
        List<Value> values = new ArrayList<>();
        List<Candidate> candidates = null;
        for (MenuService.Record setting : service.records(organizationId, workspaceId, settingsMenu, false)) {
            Map<String, Object> p = setting.parameter();
            if (setting.discarded() || !movementName.equals(text(p.get("movement_name")))) {
                continue;
            }
            if (candidates == null) {
                candidates = candidates(organizationId, workspaceId, target);
            }
            Optional<Item> found = item(candidates, text(p.get("menu_group_menu_item")), target);
            if (found.isEmpty()) {
                continue;
            }
            Item item = found.get();
            String column = item.column().restName();
            String inputOrder = text(p.get("column_substitution_order"));
            boolean keyType = KEY_TYPE.equals(text(p.get("registration_method")));
            boolean nullLink = "True".equals(text(p.get("null_link")));
            String variable = variableName(text(p.get("variable_name")));
            String order = text(p.get("substitution_order"));
            List<MenuService.Record> rows = rowsBySheet.computeIfAbsent(item.menu(), menu -> service
                    .records(organizationId, workspaceId, menu, false).stream()
                    .filter(row -> !row.discarded() && operationName.equals(operationName(row))).toList());
            for (MenuService.Record row : rows) {
                if (item.bundle() && !String.valueOf(inputOrder).equals(text(row.parameter().get(INPUT_ORDER)))) {
                    continue;
                }
                boolean sensitive = item.column().type() == ColumnType.PASSWORD;
                String value;
                byte[] file = null;
                if (keyType) {
                    value = item.column().nameEn();
                    sensitive = false;
                } else if (sensitive) {
                    value = service.secret(organizationId, workspaceId, item.menu(), row.id(), column).orElse(null);
                } else {
                    value = text(row.parameter().get(column));
                    if (value != null && item.column().type() == ColumnType.FILE) {
                        // A file name without its stored file passes nothing, as an empty cell.
                        file = service.file(organizationId, workspaceId, item.menu(), row.id(), column).orElse(null);
                        value = file == null ? null : value;
                    }
                }
                if ((value == null || value.isEmpty()) && !nullLink) {
                    continue;
                }
                String host = target == Target.HOSTS ? text(row.parameter().get(HOST)) : null;
                if (target == Target.HOSTS && host == null) {
                    continue;
                }
                values.add(new Value(host, variable, target == Target.OPERATION ? text(p.get("member_variable_name")) : null,
                        order == null ? null : Integer.valueOf(order), value == null ? "" : value, sensitive,
                        "True".equals(text(p.get("hcl_setting"))), item.menu() + ":" + column, file));
            }
        }
        return values;
    }

    /** A made sheet of a target's type, with its input menu as it is now. */
    private record Candidate(String rest, MenuDefinition menu, boolean bundle) {
    }

    /** The made sheets a setting of {@code target} may name, read once per check or resolution. */
    private List<Candidate> candidates(String organizationId, String workspaceId, Target target) {
        List<Candidate> candidates = new ArrayList<>();
        for (SheetStore.Sheet sheet : sheets.all(organizationId, workspaceId)) {
            if (!sheet.created() || !target.sheetType.equals(sheet.createdDefinition().path("menu").path("sheet_type").asString())) {
                continue;
            }
            boolean bundle = "1".equals(sheet.createdDefinition().path("menu").path("vertical").asString());
            catalog.getObject().find(organizationId, workspaceId, sheet.menuNameRest())
                    .ifPresent(menu -> candidates.add(new Candidate(sheet.menuNameRest(), menu, bundle)));
        }
        return candidates;
    }

    /**
     * The item a setting names: {@code <menu_name_rest>:<item_name_rest>} (the menu with or without
     * {@code _subst}), or the original's {@code group:menu:item} by display names.
     */
    private static Optional<Item> item(List<Candidate> candidates, String named, Target target) {
        if (named == null) {
            return Optional.empty();
        }
        String[] parts = named.split(":", -1);
        for (Candidate candidate : candidates) {
            String rest = candidate.rest();
            MenuDefinition menu = candidate.menu();
            Optional<Column> column = Optional.empty();
            if (parts.length == 2 && (parts[0].equals(rest) || parts[0].equals(rest + SUBST))) {
                column = menu.column(parts[1]);
            } else if (parts.length == 3 && (parts[1].equals(menu.nameEn()) || parts[1].equals(menu.nameJa()))) {
                column = menu.columns().stream()
                        .filter(c -> parts[2].equals(c.nameEn()) || parts[2].equals(c.nameJa())).findFirst();
            }
            Optional<Column> item = column.filter(c -> userItem(c, target));
            if (item.isPresent()) {
                return Optional.of(new Item(rest, item.get(), candidate.bundle()));
            }
        }
        return Optional.empty();
    }

    /**
     * A column the sheet's definition made (not one of the columns every sheet has); dates are not linked, nor
     * are an Operation sheet's file items, as in the original (Terraform takes no files).
     */
    private static boolean userItem(Column column, Target target) {
        return !column.readOnly() && !List.of(HOST, OPERATION, INPUT_ORDER).contains(column.restName())
                && column.type() != ColumnType.DATE && column.type() != ColumnType.DATETIME
                && !(target == Target.OPERATION && column.type() == ColumnType.FILE);
    }

    /** The operation a sheet row is for, by name: the row shows it as the name or as the original's display form. */
    private static String operationName(MenuService.Record row) {
        String shown = text(row.parameter().get(OPERATION));
        if (shown == null) {
            return null;
        }
        return OPERATION_DISPLAY.matcher(shown).lookingAt() ? shown.substring(17) : shown;
    }

    /** A variable is named plainly or as the original's "movement:variable". */
    private static String variableName(String given) {
        return given == null ? null : given.substring(given.lastIndexOf(':') + 1);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
