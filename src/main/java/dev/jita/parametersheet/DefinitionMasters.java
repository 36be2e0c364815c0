package dev.jita.parametersheet;

import dev.jita.menu.Column;
import dev.jita.menu.ColumnType;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.platform.WorkspaceRole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What a definition may choose from in a workspace: column classes, sheet types, menu groups, the menu columns a
 * pulldown may take its values from (Exastro's {@code other_menu_link}), the Host/Operation sheets' items a
 * ParameterSheetReference may name, and roles.
 */
@Component
class DefinitionMasters {

    /** jita's menu groups for created sheets (jita keeps no menu-group tables): Exastro's ids and names. */
    enum MenuGroup {
        INPUT("502", "Input", "入力用"),
        SUBSTITUTION("503", "Substitution value", "代入値自動登録用"),
        REFERENCE("504", "Reference", "参照用");

        final String id;
        final String english;
        final String japanese;

        MenuGroup(String id, String english, String japanese) {
            this.id = id;
            this.english = english;
            this.japanese = japanese;
        }

        static Optional<MenuGroup> of(String text) {
            return Arrays.stream(values())
                    .filter(g -> g.id.equals(text) || g.english.equals(text) || g.japanese.equals(text)).findFirst();
        }
    }

    /**
     * A column a pulldown may take its values from: {@code id} is "menu:column" (REST names), which is also
     * accepted as {@code pulldown_selection}; {@code referable} the other columns it may show read-only.
     */
    record PulldownSource(String id, String menu, String column, String fullNameEn, String fullNameJa,
                          List<Referable> referable) {

        String fullName(boolean japanese) {
            return japanese ? fullNameJa : fullNameEn;
        }

        boolean canShow(String restName) {
            return referable.stream().anyMatch(r -> r.restName().equals(restName));
        }

        boolean named(String text) {
            return id.equals(text) || fullNameEn.equals(text) || fullNameJa.equals(text);
        }
    }

    /** A column a pulldown may show beside its value: its REST name and its names. */
    record Referable(String restName, String nameEn, String nameJa) {
    }

    /** An item of a made Host/Operation sheet: {@code id} is its create_column_id. */
    record SheetItem(String id, String menu, String column, String fullNameEn, String fullNameJa) {

        String fullName(boolean japanese) {
            return japanese ? fullNameJa : fullNameEn;
        }

        boolean named(String text) {
            return id.equals(text) || (menu + ":" + column).equals(text) || fullNameEn.equals(text)
                    || fullNameJa.equals(text);
        }
    }

    private static final Set<ColumnType> NOT_REFERABLE = Set.of(ColumnType.ID, ColumnType.PASSWORD, ColumnType.FILE,
            ColumnType.LANGUAGE);
    private static final Set<String> NOT_REFERABLE_CLASSES = Set.of(ColumnClass.PASSWORD.className(),
            ColumnClass.FILE.className(), ColumnClass.SHEET_REFERENCE.className());

    private final MenuCatalog catalog;
    private final SheetStore store;

    DefinitionMasters(MenuCatalog catalog, SheetStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /** The roles a definition may name: jita's two workspace roles. */
    static List<String> roles() {
        return Arrays.stream(WorkspaceRole.values()).map(WorkspaceRole::apiName).toList();
    }

    /**
     * The organization's fixed menus' unique single-line text columns, then the made Data sheets' unique
     * single-line text items.
     */
    List<PulldownSource> pulldownSources(String organizationId, String workspaceId) {
        List<PulldownSource> sources = new ArrayList<>();
        for (MenuDefinition menu : catalog.all(organizationId)) {
            if (!menu.userWritable()) {
                continue;
            }
            for (Column column : menu.columns()) {
                if (column.type() == ColumnType.STRING && column.unique() && !column.readOnly()) {
                    List<Referable> referable = menu.columns().stream()
                            .filter(c -> c != column && !NOT_REFERABLE.contains(c.type()))
                            .map(c -> new Referable(c.restName(), c.nameEn(), c.nameJa())).toList();
                    String[] group = fixedGroup(menu.restName());
                    sources.add(new PulldownSource(menu.restName() + ":" + column.restName(), menu.restName(),
                            column.restName(), group[0] + ":" + menu.nameEn() + ":" + column.nameEn(),
                            group[1] + ":" + menu.nameJa() + ":" + column.nameJa(), referable));
                }
            }
        }
        for (SheetStore.Sheet sheet : store.all(organizationId, workspaceId)) {
            JsonNode made = sheet.createdDefinition();
            if (made == null || !SheetType.DATA.id().equals(made.path("menu").path("sheet_type").asString())) {
                continue;
            }
            for (JsonNode item : made.path("column").values()) {
                if (ColumnClass.SINGLE_TEXT.className().equals(item.path("column_class").asString())
                        && "1".equals(item.path("uniqued").asString())) {
                    List<Referable> referable = new ArrayList<>();
                    for (JsonNode other : made.path("column").values()) {
                        if (other != item && !NOT_REFERABLE_CLASSES.contains(other.path("column_class").asString())) {
                            referable.add(new Referable(other.path("item_name_rest").asString(),
                                    other.path("item_name").asString(), other.path("item_name").asString()));
                        }
                    }
                    String name = made.path("menu").path("menu_name").asString() + ":" + item.path("item_name").asString();
                    sources.add(new PulldownSource(sheet.menuNameRest() + ":" + item.path("item_name_rest").asString(),
                            sheet.menuNameRest(), item.path("item_name_rest").asString(),
                            groupName(made, false) + ":" + name, groupName(made, true) + ":" + name, referable));
                }
            }
        }
        return sources;
    }

    /** The items of the workspace's made Host/Operation sheets but their passwords, files and references. */
    List<SheetItem> sheetItems(String organizationId, String workspaceId) {
        List<SheetItem> items = new ArrayList<>();
        for (SheetStore.Sheet sheet : store.all(organizationId, workspaceId)) {
            JsonNode made = sheet.createdDefinition();
            if (made == null || !SheetType.HOST_OPERATION.id().equals(made.path("menu").path("sheet_type").asString())) {
                continue;
            }
            for (JsonNode item : made.path("column").values()) {
                if (NOT_REFERABLE_CLASSES.contains(item.path("column_class").asString())) {
                    continue;
                }
                String name = made.path("menu").path("menu_name").asString() + ":" + item.path("item_name").asString();
                items.add(new SheetItem(item.path("create_column_id").asString(), sheet.menuNameRest(),
                        item.path("item_name_rest").asString(), groupName(made, false) + ":" + name,
                        groupName(made, true) + ":" + name));
            }
        }
        return items;
    }

    /** GET create/define/: the masters in Exastro's shape, names in the request's language. */
    Map<String, Object> answer(String organizationId, String workspaceId, boolean japanese) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("column_class_list", Arrays.stream(ColumnClass.values()).map(c -> Map.of(
                "column_class_id", c.id(), "column_class_name", c.className(),
                "column_class_disp_name", c.displayName(japanese))).toList());
        data.put("target_menu_group_list", Arrays.stream(MenuGroup.values()).map(g -> Map.of(
                "menu_group_id", g.id, "menu_group_name", japanese ? g.japanese : g.english,
                "full_menu_group_name", japanese ? g.japanese : g.english)).toList());
        data.put("sheet_type_list", Arrays.stream(SheetType.values()).map(t -> Map.of(
                "sheet_type_id", t.id(), "sheet_type_name", t.displayName(japanese))).toList());
        data.put("pulldown_item_list", pulldownSources(organizationId, workspaceId).stream().map(s -> Map.of(
                "link_id", s.id(), "menu_id", s.menu(), "menu_name_rest", s.menu(), "column_name_rest", s.column(),
                "link_pulldown", s.fullName(japanese))).toList());
        data.put("parameter_sheet_reference_list", sheetItems(organizationId, workspaceId).stream().map(i -> Map.of(
                "column_definition_id", i.id(), "select_full_name", i.fullName(japanese))).toList());
        data.put("role_list", roles());
        return data;
    }

    /** A made sheet's input menu group as a pulldown source shows it: the default "Input" when none was given. */
    private static String groupName(JsonNode made, boolean japanese) {
        String given = made.path("menu").path("menu_group_for_input").asString(null);
        return MenuGroup.of(given).map(g -> japanese ? g.japanese : g.english)
                .orElse(given != null ? given : japanese ? MenuGroup.INPUT.japanese : MenuGroup.INPUT.english);
    }

    /** Exastro's menu group of a fixed menu (jita has none): by the driver its name ends with. */
    private static String[] fixedGroup(String menu) {
        if (menu.endsWith("_ansible_legacy")) {
            return new String[] {"Ansible-Legacy", "Ansible-Legacy"};
        }
        if (menu.endsWith("_terraform_cli")) {
            return new String[] {"Terraform-CLI", "Terraform-CLI"};
        }
        if (menu.endsWith("_terraform_cloud_ep")) {
            return new String[] {"Terraform-Cloud/EP", "Terraform-Cloud/EP"};
        }
        if (menu.startsWith("conductor")) {
            return new String[] {"Conductor", "Conductor"};
        }
        return new String[] {"Basic Console", "基本コンソール"};
    }
}
