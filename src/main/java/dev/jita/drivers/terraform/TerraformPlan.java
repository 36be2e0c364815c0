package dev.jita.drivers.terraform;

import dev.jita.basic.BasicMenus;
import dev.jita.execution.Execution;
import dev.jita.execution.ExecutionRun.Unrunnable;
import dev.jita.execution.ExecutionValue;
import dev.jita.menu.MenuService;
import dev.jita.parametersheet.SheetValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Terraform execution runs, read from its workspace's menus when it starts: the movement's module
 * files, the operation's and movement's variable values (typed by the modules' declarations), the delay timer.
 *
 * @param modules module file name → content
 * @param values  the value rows, with the declared type of their variable
 * @param secrets  the values to mask in every log: sensitive rows and variables declared sensitive
 * @param recorded every value the run was given, as recorded with it (from the manual value list and from
 *                 parameter sheets through the auto-registration settings; a sheet's value wins)
 */
record TerraformPlan(Long delayTimer, Map<String, byte[]> modules, List<Tfvars.Value> values,
                        List<String> secrets, List<ExecutionValue> recorded) {

    static TerraformPlan read(MenuService menus, SheetValues sheetValues, TerraformMenuSet set, Execution execution)
            throws Unrunnable {
        String org = execution.organizationId();
        String ws = execution.workspaceId();
        List<MenuService.Record> movements = active(menus, org, ws, set.movements);
        MenuService.Record movement = movements.stream().filter(r -> r.id().equals(execution.movementId())).findFirst()
                .orElseThrow(() -> new Unrunnable("Movement " + execution.movementName()
                        + " no longer exists (it was discarded or deleted)."));
        MenuService.Record operation = active(menus, org, ws, BasicMenus.OPERATIONS).stream()
                .filter(r -> r.id().equals(execution.operationId())).findFirst()
                .orElseThrow(() -> new Unrunnable("Operation " + execution.operationName()
                        + " no longer exists (it was discarded or deleted)."));
        // References are shown by the referenced record's current name; the records may have been renamed.
        String movementName = text(movement, "movement_name");
        String operationName = text(operation, "operation_name");

        Map<String, byte[]> modules = new LinkedHashMap<>();
        Map<String, TerraformVariables.Variable> declared = new HashMap<>();
        List<MenuService.Record> moduleRecords = active(menus, org, ws, set.modules);
        for (MenuService.Record link : active(menus, org, ws, set.movementModules)) {
            if (!movementName.equals(text(link, "movement_name"))) {
                continue;
            }
            String name = text(link, "module_file");
            MenuService.Record module = Optional.ofNullable(name).flatMap(n -> moduleRecords.stream()
                            .filter(r -> n.equals(text(r, "module_file_name"))).findFirst())
                    .orElseThrow(() -> new Unrunnable("A module file linked to movement " + movementName
                            + " no longer exists."));
            byte[] content = menus.file(org, ws, set.modules, module.id(), "module_file")
                    .orElseThrow(() -> new Unrunnable("Module file " + name + " has no file."));
            modules.put(name, content);
            try {
                TerraformVariables.read(new String(content, StandardCharsets.UTF_8))
                        .forEach(variable -> declared.put(variable.name(), variable));
            } catch (TerraformVariables.Malformed e) {
                throw new Unrunnable("Module file " + name + " cannot be read: " + e.getMessage());
            }
        }
        if (modules.isEmpty()) {
            throw new Unrunnable("No module file is linked to movement " + movementName + " ("
                    + set.movementModules + ").");
        }

        // Keyed by variable, member and order: a sheet's value replaces a manual row's with the same key.
        Map<List<Object>, Tfvars.Value> values = new LinkedHashMap<>();
        Map<List<Object>, ExecutionValue> recorded = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        for (MenuService.Record row : active(menus, org, ws, set.values)) {
            if (!operationName.equals(text(row, "operation_name")) || !movementName.equals(text(row, "movement_name"))) {
                continue;
            }
            String variable = text(row, "variable_name");
            String plain = variable.substring(variable.lastIndexOf(':') + 1);
            TerraformVariables.Variable declaration = declared.get(plain);
            boolean sensitive = "True".equals(text(row, "sensitive_setting"))
                    || (declaration != null && declaration.sensitive());
            String value = text(row, "value");
            Object given = row.parameter().get("substitution_order");
            Integer order = given == null ? null : Integer.valueOf(given.toString());
            String member = text(row, "member_variable_name");
            List<Object> key = Arrays.asList(plain, member, order);
            values.put(key, new Tfvars.Value(variable, member, order, "True".equals(text(row, "hcl_setting")),
                    sensitive, value == null ? "" : value, declaration == null ? null : declaration.type()));
            recorded.put(key, new ExecutionValue(null, plain, member, order, value, sensitive, set.values, null));
            if (sensitive && value != null && !value.isEmpty()) {
                secrets.add(value);
            }
        }
        List<ExecutionValue> overridden = new ArrayList<>();
        for (SheetValues.Value sheet : sheetValues.resolve(org, ws, set.autoRegistration, movementName, operationName,
                SheetValues.Target.OPERATION)) {
            TerraformVariables.Variable declaration = declared.get(sheet.variable());
            boolean sensitive = sheet.sensitive() || (declaration != null && declaration.sensitive());
            List<Object> key = Arrays.asList(sheet.variable(), sheet.member(), sheet.order());
            ExecutionValue manual = recorded.remove(key);
            if (manual != null) {
                overridden.add(new ExecutionValue(null, manual.variable(), manual.member(), manual.order(), manual.value(),
                        manual.sensitive(), manual.source(), "not used: a parameter sheet gives this variable"));
            }
            values.remove(key);
            values.put(key, new Tfvars.Value(sheet.variable(), sheet.member(), sheet.order(), sheet.hcl(), sensitive,
                    sheet.value(), declaration == null ? null : declaration.type()));
            recorded.put(key, new ExecutionValue(null, sheet.variable(), sheet.member(), sheet.order(), sheet.value(),
                    sensitive, sheet.source(), manual == null ? null : "overrides the value of " + set.values));
            if (sensitive && !sheet.value().isEmpty()) {
                secrets.add(sheet.value());
            }
        }
        List<ExecutionValue> record = new ArrayList<>(recorded.values());
        record.addAll(overridden);
        Object delay = movement.parameter().get("delay_timer");
        Long delayTimer = delay == null ? null : Long.valueOf(delay.toString());
        return new TerraformPlan(delayTimer, modules, List.copyOf(values.values()), secrets, record);
    }

    private static List<MenuService.Record> active(MenuService menus, String org, String ws, String menu) {
        return menus.records(org, ws, menu, false).stream().filter(r -> !r.discarded()).toList();
    }

    private static String text(MenuService.Record record, String column) {
        Object value = record.parameter().get(column);
        return value == null ? null : value.toString();
    }
}
