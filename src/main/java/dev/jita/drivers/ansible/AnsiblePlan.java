package dev.jita.drivers.ansible;

import dev.jita.execution.Execution;
import dev.jita.execution.ExecutionRun.Unrunnable;
import dev.jita.execution.ExecutionValue;
import dev.jita.menu.MenuService;
import dev.jita.parametersheet.SheetValues;
import java.nio.file.Path;
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
 * sheets (auto-registration); where both give a host's variable, the sheet's value is used. A sheet's file item
 * passes its file: written to the work directory, the variable's value is the path the playbook reads it by.
 *
 * @param given        every value the run was given, as recorded with it
 * @param secrets      the sensitive values (sheets' passwords, values set sensitive), masked in every log
 * @param delayTimer   the movement's delay timer in its units, or null
 * @param files        the files of sheets' file items, each in its own directory (two hosts' files may share a name)
 */
record AnsiblePlan(Long delayTimer, List<Playbook> playbooks, List<Host> hosts, List<Given> given,
                   List<String> secrets, List<UploadFile> files) {

    /** Where the files of file items go in the work directory, as the original's upload_files. */
    static final String UPLOAD_FILES = "upload_files";

    record Playbook(String name, byte[] content) {
    }

    /**
     * @param password  in clear, or null: it goes into the inventory only, and is masked in every log
     * @param variables a value is a String, an {@link UploadFile}, or a list of them (substitution order)
     */
    record Host(String name, String address, String connection, String user, String password,
                Map<String, Object> variables) {
    }

    /** A file item's file, written to {@code path} (relative to the work directory). */
    record UploadFile(String path, byte[] content) {
    }

    /** A value as recorded; a file item's value is recorded as the path of its {@code file}. */
    record Given(ExecutionValue value, UploadFile file) {
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

    /** The values as recorded, a file's as the path the tool reads it by in {@code workDir}. */
    List<ExecutionValue> values(Path workDir) {
        return given.stream().map(g -> g.file() == null ? g.value() : new ExecutionValue(g.value().host(),
                g.value().variable(), g.value().member(), g.value().order(), workDir.resolve(g.file().path()).toString(),
                false, g.value().source(), g.value().note())).toList();
    }

    /** A host's variables with each file as the path the tool reads it by in {@code workDir}. */
    static Map<String, Object> variables(Host host, Path workDir) {
        Map<String, Object> variables = new LinkedHashMap<>();
        host.variables().forEach((name, value) -> variables.put(name, seenIn(value, workDir)));
        return variables;
    }

    private static Object seenIn(Object value, Path workDir) {
        if (value instanceof UploadFile file) {
            return workDir.resolve(file.path()).toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> seenIn(v, workDir)).toList();
        }
        return value;
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
        List<Given> recorded = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        List<UploadFile> files = new ArrayList<>();
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
                recorded.add(new Given(new ExecutionValue(hostName, variable, null, null,
                        value == null ? null : value.toString(), sensitive, VALUES,
                        overridden ? "not used: a parameter sheet gives this variable" : null), null));
                if (!overridden) {
                    variables.put(variable, value);
                }
            }
            for (Map.Entry<String, List<SheetValues.Value>> entry : sheetVariables.entrySet()) {
                String variable = entry.getKey();
                boolean overrides = manual.stream().anyMatch(v -> hostName.equals(text(v, "host"))
                        && variable.equals(variableName(text(v, "variable_name"))));
                List<SheetValues.Value> ordered = entry.getValue().stream()
                        .sorted(Comparator.comparing(v -> v.order() == null ? Integer.MAX_VALUE : v.order())).toList();
                List<Object> given = new ArrayList<>();
                for (SheetValues.Value value : ordered) {
                    UploadFile file = value.file() == null ? null : uploadFile(value, files.size() + 1);
                    if (file != null) {
                        files.add(file);
                    }
                    given.add(file == null ? value.value() : file);
                    String note = overrides ? "overrides the value of " + VALUES : null;
                    if (file != null) {
                        note = (note == null ? "" : note + "; ") + "the file " + value.value() + ", in the populated data as "
                                + file.path();
                    }
                    recorded.add(new Given(new ExecutionValue(hostName, variable, null, value.order(), value.value(),
                            value.sensitive(), value.source(), note), file));
                    if (value.sensitive() && !value.value().isEmpty()) {
                        secrets.add(value.value());
                    }
                }
                boolean list = ordered.stream().anyMatch(v -> v.order() != null);
                variables.put(variable, list ? given : given.get(given.size() - 1));
            }
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
        return new AnsiblePlan(delayTimer, playbooks, hosts, recorded, secrets, files);
    }

    /**
     * A file item's file in a directory of its own, {@code upload_files/<number>/<file name>}. Its name comes from
     * the sheet: one that could leave that directory is refused, not changed.
     */
    private static UploadFile uploadFile(SheetValues.Value value, int number) throws Unrunnable {
        String name = value.value();
        if (!name.matches("[^/\\\\\\x00]+") || name.equals(".") || name.equals("..")) {
            throw new Unrunnable("The file name \"" + name + "\" of " + value.source() + " (host " + value.host()
                    + ") cannot be used as a file name.");
        }
        return new UploadFile(UPLOAD_FILES + "/" + number + "/" + name, value.file());
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
