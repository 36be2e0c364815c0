package dev.jita.drivers.ansible;

import dev.jita.execution.Execution;
import dev.jita.execution.ExecutionRun.Unrunnable;
import dev.jita.menu.MenuService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an execution runs, read from its workspace's menus when it starts (so that it runs what the menus
 * say then): the movement's playbooks in include order, and the target hosts of (operation, movement) with
 * their connection and substitution values.
 *
 * @param delayTimer the movement's delay timer in its units, or null
 */
record AnsiblePlan(Long delayTimer, List<Playbook> playbooks, List<Host> hosts) {

    record Playbook(String name, byte[] content) {
    }

    /** @param password in clear, or null: it goes into the inventory only, and is masked in every log */
    record Host(String name, String address, String connection, String user, String password,
                Map<String, Object> variables) {
    }

    static final String LINKS = "movement_playbook_link";
    static final String PLAYBOOKS = "playbook_files";
    static final String TARGET_HOSTS = "target_host_ansible_legacy";
    static final String DEVICES = "device_list";
    static final String VALUES = "subst_value_list_ansible_legacy";

    List<String> passwords() {
        return hosts.stream().map(Host::password).filter(Objects::nonNull).toList();
    }

    static AnsiblePlan read(MenuService menus, Execution execution) throws Unrunnable {
        Reader reader = new Reader(menus, execution.organizationId(), execution.workspaceId());
        MenuService.Record movement = reader.byId(AnsibleDriver.MOVEMENTS, execution.movementId())
                .orElseThrow(() -> new Unrunnable("Movement " + execution.movementName()
                        + " no longer exists (it was discarded or deleted)."));
        MenuService.Record operation = reader.byId(AnsibleDriver.OPERATIONS, execution.operationId())
                .orElseThrow(() -> new Unrunnable("Operation " + execution.operationName()
                        + " no longer exists (it was discarded or deleted)."));
        // References are shown by the referenced record's current name; the records may have been renamed.
        String movementName = text(movement, "movement_name");
        String operationName = text(operation, "operation_name");

        List<Playbook> playbooks = new ArrayList<>();
        List<MenuService.Record> links = reader.active(LINKS).stream()
                .filter(link -> movementName.equals(text(link, "movement")))
                .sorted(Comparator.comparingLong(link -> number(link, "include_order"))).toList();
        for (MenuService.Record link : links) {
            String name = text(link, "playbook_file");
            if (name == null) {
                throw new Unrunnable("A playbook linked to movement " + movementName + " no longer exists.");
            }
            if (name.equals(".") || name.equals("..")) {
                throw new Unrunnable("Playbook name " + name + " cannot be used as a file name.");
            }
            MenuService.Record playbook = reader.byName(PLAYBOOKS, "playbook_name", name)
                    .orElseThrow(() -> new Unrunnable("Playbook " + name + " linked to movement " + movementName
                            + " no longer exists."));
            byte[] content = menus.file(execution.organizationId(), execution.workspaceId(), PLAYBOOKS, playbook.id(),
                    "playbook_file").orElseThrow(() -> new Unrunnable("Playbook " + name + " has no file."));
            playbooks.add(new Playbook(name, content));
        }
        if (playbooks.isEmpty()) {
            throw new Unrunnable("No playbook is linked to movement " + movementName + " (" + LINKS + ").");
        }

        List<String> hostNames = reader.active(TARGET_HOSTS).stream()
                .filter(t -> operationName.equals(text(t, "operation")) && movementName.equals(text(t, "movement")))
                .map(t -> text(t, "host")).filter(Objects::nonNull).distinct().toList();
        if (hostNames.isEmpty()) {
            throw new Unrunnable("No target host is registered for operation " + operationName + " and movement "
                    + movementName + " (" + TARGET_HOSTS + "): there is nothing to run the playbooks on.");
        }
        List<MenuService.Record> values = reader.active(VALUES).stream()
                .filter(v -> operationName.equals(text(v, "operation")) && movementName.equals(text(v, "movement")))
                .toList();
        List<Host> hosts = new ArrayList<>();
        for (String hostName : hostNames) {
            MenuService.Record device = reader.byName(DEVICES, "host_name", hostName)
                    .orElseThrow(() -> new Unrunnable("Device " + hostName + " no longer exists (" + DEVICES + ")."));
            String address = text(device, "ip_address");
            String password = menus.secret(execution.organizationId(), execution.workspaceId(), DEVICES, device.id(),
                    "login_password").filter(p -> !p.isEmpty()).orElse(null);
            Map<String, Object> variables = new LinkedHashMap<>();
            values.stream().filter(v -> hostName.equals(text(v, "host")))
                    .forEach(v -> variables.put(variableName(text(v, "variable_name")), v.parameter().get("value")));
            // Exastro's connection types (machine, network) are credentials of a controller: jita connects by ssh.
            String connection = "local".equals(text(device, "connection_type")) ? "local" : "ssh";
            hosts.add(new Host(hostName, address == null ? hostName : address, connection,
                    text(device, "login_user"), password, variables));
        }
        Object delay = movement.parameter().get("delay_timer");
        Long delayTimer = delay == null ? null : Long.valueOf(delay.toString());
        if (delayTimer != null && delayTimer == 0) {
            delayTimer = null;
        }
        return new AnsiblePlan(delayTimer, playbooks, hosts);
    }

    /** Exastro names a variable "movement:variable"; the variable is what follows the last colon. */
    private static String variableName(String given) {
        return given.substring(given.lastIndexOf(':') + 1);
    }

    private static String text(MenuService.Record record, String column) {
        Object value = record.parameter().get(column);
        return value == null ? null : value.toString();
    }

    private static long number(MenuService.Record record, String column) {
        Object value = record.parameter().get(column);
        return value == null ? Long.MAX_VALUE : Long.parseLong(value.toString());
    }

    /** Reads each menu once per execution. */
    private static final class Reader {
        private final MenuService menus;
        private final String organizationId;
        private final String workspaceId;
        private final Map<String, List<MenuService.Record>> active = new LinkedHashMap<>();

        Reader(MenuService menus, String organizationId, String workspaceId) {
            this.menus = menus;
            this.organizationId = organizationId;
            this.workspaceId = workspaceId;
        }

        List<MenuService.Record> active(String menu) {
            return active.computeIfAbsent(menu, m -> menus.records(organizationId, workspaceId, m, false).stream()
                    .filter(r -> !r.discarded()).toList());
        }

        Optional<MenuService.Record> byId(String menu, String id) {
            return active(menu).stream().filter(r -> r.id().equals(id)).findFirst();
        }

        Optional<MenuService.Record> byName(String menu, String column, String name) {
            return active(menu).stream().filter(r -> name.equals(text(r, column))).findFirst();
        }
    }
}
