package dev.jita.transfer;

import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The menus of a workspace that an export may take, in menu groups. jita keeps no menu-group tables: a fixed menu
 * belongs to Exastro's group for it (by the driver its REST name ends with; Exastro's group ids and display
 * orders), parameter sheets to "Input". Which menus a tree holds is the export's ({@link #MENU_EXPORT},
 * {@link #EXCEL_EXPORT}); a menu's {@code id} is its REST name.
 */
@Component
class MenuTree {

    /** Exastro's menu groups that jita's exportable menus belong to. */
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
            if (rest.endsWith("_ansible_legacy") || rest.equals("playbook_files") || rest.equals("movement_playbook_link")) {
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

    /** A menu of a tree with its group and its display order within the group (from 1). */
    record Entry(MenuDefinition menu, Group group, int displayOrder) {
        boolean sheet() {
            return group == Group.INPUT;
        }
    }

    private static final Set<String> READ_ONLY_EXPORTED = Set.of("conductor_class_list");
    private static final List<String> HIDDEN_PREFIXES = List.of("target_host_", "subst_value_list_",
            "substitution_value_list_");

    /**
     * A menu export's menus: those users write (read-only lists are made by jita) and the conductor class list
     * (Exastro exports conductor classes through it), without Exastro's hidden menus (target hosts, substitution
     * values) nor views of another menu's records (a sheet's {@code _subst} menu).
     */
    static final Predicate<MenuDefinition> MENU_EXPORT = menu -> menu.recordsOf() == null
            && HIDDEN_PREFIXES.stream().noneMatch(menu.restName()::startsWith)
            && (menu.userWritable() || READ_ONLY_EXPORTED.contains(menu.restName()));

    /** An Excel export's menus: those users write that keep their own records, so that a workbook can be imported. */
    static final Predicate<MenuDefinition> EXCEL_EXPORT = menu -> menu.userWritable() && menu.recordsOf() == null;

    private final MenuCatalog catalog;

    MenuTree(MenuCatalog catalog) {
        this.catalog = catalog;
    }

    /** The workspace's menus of a tree, by group in display order, each group's menus in catalog order. */
    List<Entry> entries(String organizationId, String workspaceId, Predicate<MenuDefinition> exportable) {
        Map<Group, List<MenuDefinition>> byGroup = new LinkedHashMap<>();
        List<Group> groups = new ArrayList<>(List.of(Group.values()));
        groups.sort((a, b) -> Integer.compare(a.displayOrder, b.displayOrder));
        groups.forEach(group -> byGroup.put(group, new ArrayList<>()));
        for (MenuDefinition menu : catalog.all(organizationId, workspaceId)) {
            if (exportable.test(menu)) {
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

    /** The menu of that REST name in a tree; empty when the workspace has no such menu or the tree does not hold it. */
    Optional<Entry> find(String organizationId, String workspaceId, String restName,
                         Predicate<MenuDefinition> exportable) {
        return entries(organizationId, workspaceId, exportable).stream()
                .filter(entry -> entry.menu().restName().equals(restName)).findFirst();
    }

    /** An {@code info/} answer's {@code menu_groups}: names in the request's language. */
    List<Map<String, Object>> answer(String organizationId, String workspaceId, Predicate<MenuDefinition> exportable,
                                     boolean japanese) {
        return groups(entries(organizationId, workspaceId, exportable), (map, named) ->
                map.put(named instanceof Group ? "menu_group_name" : "menu_name", name(named, japanese)));
    }

    /** A menu archive's {@code MENU_GROUPS}: the exported menus with their names in both languages. */
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
                map.put("disp_seq", g.displayOrder);
                map.put("menus", new ArrayList<Map<String, Object>>());
                return map;
            });
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> menus = (List<Map<String, Object>>) group.get("menus");
            Map<String, Object> menu = new LinkedHashMap<>();
            menu.put("id", entry.menu().restName());
            names.put(menu, entry.menu());
            menu.put("menu_name_rest", entry.menu().restName());
            menu.put("disp_seq", entry.displayOrder());
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
}
