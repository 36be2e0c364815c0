package dev.jita.transfer;

import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The menus an Excel bulk export may take, by menu group: the workspace's menus that keep their own records and
 * that users write (so that a workbook can be imported back), parameter sheets' input menus included. jita has
 * no menu groups; a menu's group is Exastro's for it (by the driver its REST name ends with), a sheet's is Input.
 */
@Component
class ExcelMenuTree {

    /** Exastro's menu groups that jita's exportable menus belong to (Exastro's ids and display orders). */
    enum Group {
        BASIC_CONSOLE("102", "Basic Console", "基本コンソール", 20),
        INPUT("502", "Input", "入力用", 40),
        ANSIBLE_LEGACY("202", "Ansible-Legacy", "Ansible-Legacy", 90),
        TERRAFORM_CLOUD_EP("801", "Terraform-Cloud/EP", "Terraform-Cloud/EP", 120),
        TERRAFORM_CLI("901", "Terraform-CLI", "Terraform-CLI", 130),
        CONDUCTOR("301", "Conductor", "Conductor", 300);

        final String id;
        final String english;
        final String japanese;
        final int displayOrder;

        Group(String id, String english, String japanese, int displayOrder) {
            this.id = id;
            this.english = english;
            this.japanese = japanese;
            this.displayOrder = displayOrder;
        }

        String name(boolean inJapanese) {
            return inJapanese ? japanese : english;
        }

        static Group of(MenuDefinition menu) {
            String rest = menu.restName();
            if (menu.sheet() != null) {
                return INPUT;
            }
            if (rest.endsWith("_ansible_legacy") || rest.equals("playbook_files")
                    || rest.equals("movement_playbook_link")) {
                return ANSIBLE_LEGACY;
            }
            if (rest.endsWith("_terraform_cli")) {
                return TERRAFORM_CLI;
            }
            if (rest.endsWith("_terraform_cloud_ep")) {
                return TERRAFORM_CLOUD_EP;
            }
            if (rest.startsWith("conductor")) {
                return CONDUCTOR;
            }
            return BASIC_CONSOLE;
        }
    }

    /** An exportable menu with its group and its display order within the group (from 1). */
    record Entry(MenuDefinition menu, Group group, int displayOrder) {
    }

    private final MenuCatalog catalog;

    ExcelMenuTree(MenuCatalog catalog) {
        this.catalog = catalog;
    }

    /** The workspace's exportable menus, by group in display order, each group's menus in catalog order. */
    List<Entry> menus(String organizationId, String workspaceId) {
        Map<Group, List<MenuDefinition>> byGroup = new LinkedHashMap<>();
        for (Group group : sortedGroups()) {
            byGroup.put(group, new ArrayList<>());
        }
        for (MenuDefinition menu : catalog.all(organizationId, workspaceId)) {
            if (exportable(menu)) {
                byGroup.get(Group.of(menu)).add(menu);
            }
        }
        List<Entry> entries = new ArrayList<>();
        byGroup.forEach((group, menus) -> {
            for (int i = 0; i < menus.size(); i++) {
                entries.add(new Entry(menus.get(i), group, i + 1));
            }
        });
        return entries;
    }

    /** The exportable menu of that REST name, empty when the workspace has no such menu or it is not exportable. */
    Optional<Entry> find(String organizationId, String workspaceId, String restName) {
        return menus(organizationId, workspaceId).stream().filter(e -> e.menu().restName().equals(restName)).findFirst();
    }

    /** {@code info/}'s {@code menu_groups}, names in the language asked for. */
    List<Map<String, Object>> answer(String organizationId, String workspaceId, boolean japanese) {
        Map<Group, List<Map<String, Object>>> byGroup = new LinkedHashMap<>();
        for (Entry entry : menus(organizationId, workspaceId)) {
            Map<String, Object> menu = new LinkedHashMap<>();
            menu.put("id", entry.menu().restName());
            menu.put("menu_name", japanese ? entry.menu().nameJa() : entry.menu().nameEn());
            menu.put("menu_name_rest", entry.menu().restName());
            menu.put("disp_seq", entry.displayOrder());
            byGroup.computeIfAbsent(entry.group(), g -> new ArrayList<>()).add(menu);
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        byGroup.forEach((group, menus) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("parent_id", null);
            item.put("id", group.id);
            item.put("menu_group_name", group.name(japanese));
            item.put("disp_seq", group.displayOrder);
            item.put("menus", menus);
            groups.add(item);
        });
        return groups;
    }

    private static boolean exportable(MenuDefinition menu) {
        return menu.userWritable() && menu.recordsOf() == null;
    }

    private static List<Group> sortedGroups() {
        List<Group> groups = new ArrayList<>(List.of(Group.values()));
        groups.sort((a, b) -> Integer.compare(a.displayOrder, b.displayOrder));
        return groups;
    }
}
