package dev.jita.drivers.ansible;

import dev.jita.execution.Execution;
import dev.jita.execution.ExecutionRun.Unrunnable;
import dev.jita.execution.ExecutionValue;
import dev.jita.menu.MenuService;
import dev.jita.parametersheet.SheetValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an execution runs, read from its workspace's menus when it starts (so that it runs what the menus
 * say then): the movement's playbooks in include order, and the target hosts of (operation, movement) with
 * their connection and substitution values. Values come from the manual value list and from parameter
 * sheets (auto-registration); where both give a host's variable, the sheet's value is used.
 *
 * @param values       every value the run was given, as recorded with it
 * @param secrets      the sensitive values (sheets' passwords, values set sensitive), masked in every log
 * @param delayTimer the movement's delay timer in its units, or null
 */
record AnsiblePlan(Long delayTimer, List<Playbook> playbooks, List<Host> hosts, List<ExecutionValue> values,
                   List<String> secrets) {

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
        List<String> passwords = new ArrayList<>(secrets);
        hosts.stream().map(Host::password).filter(Objects::nonNull).forEach(passwords::add);
        return passwords;
    }

    static AnsiblePlan read(MenuService menus, SheetValues sheetValues, Execution execution) throws Unrunnable {
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

        List<SheetValues.Value> fromSheets = sheetValues.resolve(execution.organizationId(), execution.workspaceId(),
                AnsibleMenus.AUTO_REGISTRATION, movementName, operationName, SheetValues.Target.HOSTS);
        Set<String> hostNames = new LinkedHashSet<>();
        reader.active(TARGET_HOSTS).stream()
                .filter(t -> operationName.equals(text(t, "operation")) && movementName.equals(text(t, "movement")))
                .map(t -> text(t, "host")).filter(Objects::nonNull).forEach(hostNames::add);
        fromSheets.forEach(value -> hostNames.add(value.host()));
        if (hostNames.isEmpty()) {
            throw new Unrunnable("No target host is registered for operation " + operationName + " and movement "
                    + movementName + " (" + TARGET_HOSTS + ", or the host rows of parameter sheets linked in "
                    + AnsibleMenus.AUTO_REGISTRATION + "): there is nothing to run the playbooks on.");
        }
        List<MenuService.Record> manual = reader.active(VALUES).stream()
                .filter(v -> operationName.equals(text(v, "operation")) && movementName.equals(text(v, "movement")))
                .toList();
        List<Host> hosts = new ArrayList<>();
        List<ExecutionValue> recorded = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        for (String hostName : hostNames) {
            MenuService.Record device = reader.byName(DEVICES, "host_name", hostName)
                    .orElseThrow(() -> new Unrunnable("Device " + hostName + " no longer exists (" + DEVICES + ")."));
            String address = text(device, "ip_address");
            String password = menus.secret(execution.organizationId(), execution.workspaceId(), DEVICES, device.id(),
                    "login_password").filter(p -> !p.isEmpty()).orElse(null);
            Map<String, List<SheetValues.Value>> sheetVariables = new LinkedHashMap<>();
            fromSheets.stream().filter(v -> hostName.equals(v.host()))
                    .forEach(v -> sheetVariables.computeIfAbsent(v.variable(), k -> new ArrayList<>()).add(v));
            Map<String, Object> variables = new LinkedHashMap<>();
            for (MenuService.Record v : manual) {
                if (!hostName.equals(text(v, "host"))) {
                    continue;
                }
                String variable = variableName(text(v, "variable_name"));
                Object value = v.parameter().get("value");
                boolean overridden = sheetVariables.containsKey(variable);
                boolean sensitive = "True".equals(text(v, "sensitive_setting"));
                if (sensitive && value != null && !value.toString().isEmpty()) {
                    secrets.add(value.toString());
                }
                recorded.add(new ExecutionValue(hostName, variable, null, null, value == null ? null : value.toString(),
                        sensitive, VALUES,
                        overridden ? "not used: a parameter sheet gives this variable" : null));
                if (!overridden) {
                    variables.put(variable, value);
                }
            }
            sheetVariables.forEach((variable, values) -> {
                boolean overrides = manual.stream().anyMatch(v -> hostName.equals(text(v, "host"))
                        && variable.equals(variableName(text(v, "variable_name"))));
                List<SheetValues.Value> ordered = values.stream()
                        .sorted(Comparator.comparing(v -> v.order() == null ? Integer.MAX_VALUE : v.order())).toList();
                boolean list = ordered.stream().anyMatch(v -> v.order() != null);
                variables.put(variable, list ? ordered.stream().map(SheetValues.Value::value).toList()
                        : ordered.get(ordered.size() - 1).value());
                for (SheetValues.Value value : ordered) {
                    recorded.add(new ExecutionValue(hostName, variable, null, value.order(), value.value(),
                            value.sensitive(), value.source(),
                            overrides ? "overrides the value of " + VALUES : null));
                    if (value.sensitive() && !value.value().isEmpty()) {
                        secrets.add(value.value());
                    }
                }
            });
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
        return new AnsiblePlan(delayTimer, playbooks, hosts, recorded, secrets);
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
