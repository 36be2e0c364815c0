package dev.jita.transfer;

import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The menus a workspace can export, in menu groups. jita keeps no menu-group tables: a fixed menu belongs to its
 * driver's group (Exastro's group names, by the suffix of its REST name), parameter sheets to "Input". A menu is
 * exportable when users write it (read-only lists are made by jita), or it is the conductor class list (Exastro
 * exports conductor classes through it); Exastro's hidden menus (target hosts, substitution values) are left out,
 * as are views of another menu's records (a sheet's {@code _subst} menu).
 */
@Component
class MenuTree {

    /** A group of the tree, in display order; its {@code id} is stable across jita versions. */
    enum Group {
        BASIC_CONSOLE("basic_console", "Basic Console", "基本コンソール"),
        ANSIBLE_LEGACY("ansible_legacy", "Ansible-Legacy", "Ansible-Legacy"),
        TERRAFORM_CLI("terraform_cli", "Terraform-CLI", "Terraform-CLI"),
        TERRAFORM_CLOUD_EP("terraform_cloud_ep", "Terraform-Cloud/EP", "Terraform-Cloud/EP"),
        CONDUCTOR("conductor", "Conductor", "Conductor"),
        INPUT("502", "Input", "入力用");

        final String id;
        final String english;
        final String japanese;

        Group(String id, String english, String japanese) {
            this.id = id;
            this.english = english;
            this.japanese = japanese;
        }

        String name(boolean japanese) {
            return japanese ? this.japanese : english;
        }
    }

    /** An exportable menu and its group. */
    record Entry(MenuDefinition menu, Group group) {
        boolean sheet() {
            return group == Group.INPUT;
        }
    }

    private static final Set<String> READ_ONLY_EXPORTED = Set.of("conductor_class_list");
    private static final List<String> HIDDEN_PREFIXES = List.of("target_host_", "subst_value_list_",
            "substitution_value_list_");

    private final MenuCatalog catalog;

    MenuTree(MenuCatalog catalog) {
        this.catalog = catalog;
    }

    /** Every exportable menu of the workspace, by group then in the catalog's order. */
    List<Entry> entries(String organizationId, String workspaceId) {
        List<Entry> entries = new ArrayList<>();
        for (MenuDefinition menu : catalog.all(organizationId, workspaceId)) {
            if (exportable(menu)) {
                entries.add(new Entry(menu, group(menu)));
            }
        }
        entries.sort((a, b) -> Integer.compare(a.group().ordinal(), b.group().ordinal()));
        return entries;
    }

    Optional<Entry> find(String organizationId, String workspaceId, String restName) {
        return catalog.find(organizationId, workspaceId, restName).filter(MenuTree::exportable)
                .map(menu -> new Entry(menu, group(menu)));
    }

    /** {@code export/info/}'s {@code menu_groups}: names in the request's language. */
    List<Map<String, Object>> answer(String organizationId, String workspaceId, boolean japanese) {
        return groups(entries(organizationId, workspaceId), (map, named) -> {
            map.put(named instanceof Group ? "menu_group_name" : "menu_name", name(named, japanese));
        });
    }

    /** The archive's {@code MENU_GROUPS}: the exported menus with their names in both languages. */
    List<Map<String, Object>> archived(List<Entry> entries) {
        return groups(entries, (map, named) -> {
            String key = named instanceof Group ? "menu_group_name" : "menu_name";
            map.put(key + "_ja", name(named, true));
            map.put(key + "_en", name(named, false));
        });
    }

    private interface Names {
        void put(Map<String, Object> map, Object named);
    }

    private static List<Map<String, Object>> groups(List<Entry> entries, Names names) {
        Map<Group, Map<String, Object>> groups = new LinkedHashMap<>();
        for (Entry entry : entries) {
            Map<String, Object> group = groups.computeIfAbsent(entry.group(), g -> {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("parent_id", null);
                map.put("id", g.id);
                names.put(map, g);
                map.put("disp_seq", g.ordinal() + 1);
                map.put("menus", new ArrayList<Map<String, Object>>());
                return map;
            });
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> menus = (List<Map<String, Object>>) group.get("menus");
            Map<String, Object> menu = new LinkedHashMap<>();
            menu.put("id", entry.menu().restName());
            names.put(menu, entry.menu());
            menu.put("menu_name_rest", entry.menu().restName());
            menu.put("disp_seq", menus.size() + 1);
            menus.add(menu);
        }
        return new ArrayList<>(groups.values());
    }

    private static String name(Object named, boolean japanese) {
        if (named instanceof Group group) {
            return group.name(japanese);
        }
        MenuDefinition menu = (MenuDefinition) named;
        return japanese ? menu.nameJa() : menu.nameEn();
    }

    private static boolean exportable(MenuDefinition menu) {
        if (menu.recordsOf() != null || HIDDEN_PREFIXES.stream().anyMatch(menu.restName()::startsWith)) {
            return false;
        }
        return menu.userWritable() || READ_ONLY_EXPORTED.contains(menu.restName());
    }

    private static Group group(MenuDefinition menu) {
        String name = menu.restName();
        if (menu.sheet() != null) {
            return Group.INPUT;
        }
        if (name.endsWith("_ansible_legacy") || name.contains("playbook")) {
            return Group.ANSIBLE_LEGACY;
        }
        if (name.endsWith("_terraform_cli")) {
            return Group.TERRAFORM_CLI;
        }
        if (name.endsWith("_terraform_cloud_ep")) {
            return Group.TERRAFORM_CLOUD_EP;
        }
        if (name.startsWith("conductor")) {
            return Group.CONDUCTOR;
        }
        return Group.BASIC_CONSOLE;
    }
}
