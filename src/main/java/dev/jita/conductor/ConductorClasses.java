package dev.jita.conductor;

import dev.jita.basic.BasicMenus;
import dev.jita.core.ApiException;
import dev.jita.core.JsonBody;
import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.menu.MenuService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conductor classes of a workspace: registered and updated as the editor's class JSON, validated on every
 * rule (499-00201 with reasons by node), written through the maintenance gate (498-00005), read back with
 * their id and update stamp filled.
 */
@Service
public class ConductorClasses {

    /** Classes are drawings of many nodes: larger than the platform's other bodies, still bounded. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final String STALE = "last_update_date_time: the class was changed by someone else since it was read";

    private final ConductorClassStore store;
    private final ClassValidation validation;
    private final MaintenanceGate gate;
    private final JsonBody body;
    private final ObjectMapper json;
    private final ObjectProvider<MenuService> menus;

    ConductorClasses(ConductorClassStore store, ClassValidation validation, MaintenanceGate gate, JsonBody body,
                     ObjectMapper json, ObjectProvider<MenuService> menus) {
        this.store = store;
        this.validation = validation;
        this.gate = gate;
        this.body = body;
        this.json = json;
        this.menus = menus;
    }

    /** The workspace's classes, by name. */
    public List<ConductorClass> all(String organizationId, String workspaceId) {
        return store.all(organizationId, workspaceId);
    }

    public Optional<ConductorClass> find(String organizationId, String workspaceId, String id) {
        return store.find(organizationId, workspaceId, id);
    }

    /** The class JSON as stored, with conductor.id and conductor.last_update_date_time filled; 404 when absent. */
    public ObjectNode setting(String organizationId, String workspaceId, String id) {
        return filled(store.find(organizationId, workspaceId, id)
                .orElseThrow(() -> ApiException.notFound("conductor.class_not_found", id)));
    }

    ObjectNode filled(ConductorClass conductorClass) {
        ObjectNode setting = (ObjectNode) json.readTree(conductorClass.setting());
        ObjectNode conductor = (ObjectNode) setting.get("conductor");
        conductor.put("id", conductorClass.id());
        conductor.put("last_update_date_time", MenuService.STAMP.format(conductorClass.lastUpdate()));
        return setting;
    }

    /** Registers a class under a new id; returns the id. */
    public String register(String organizationId, String workspaceId, String user, String raw) {
        return gate.write(Refusal.CONDUCTOR_CLASS, () -> {
            ObjectNode setting = (ObjectNode) body.object(raw, MAX_BYTES);
            String id = UUID.randomUUID().toString();
            String name = checked(organizationId, workspaceId, setting, null, new TreeMap<>());
            ConductorClass written = new ConductorClass(id, name, stored(setting, id), Times.now(), user);
            try {
                store.insert(organizationId, workspaceId, written);
            } catch (DuplicateKeyException raced) {
                throw invalid(Map.of("conductor", List.of(nameTaken(name))));
            }
            return id;
        });
    }

    /** Updates a class, given the conductor.last_update_date_time it was read with; returns the id. */
    public String update(String organizationId, String workspaceId, String id, String user, String raw) {
        return gate.write(Refusal.CONDUCTOR_CLASS, () -> {
            ObjectNode setting = (ObjectNode) body.object(raw, MAX_BYTES);
            ConductorClass existing = store.find(organizationId, workspaceId, id)
                    .orElseThrow(() -> ApiException.notFound("conductor.class_not_found", id));
            Map<String, List<String>> reasons = new TreeMap<>();
            String stamp = ClassValidation.text(setting.path("conductor").get("last_update_date_time"));
            if (stamp == null) {
                reasons.put("conductor", new ArrayList<>(List.of("last_update_date_time: required")));
            } else if (!stamp.equals(MenuService.STAMP.format(existing.lastUpdate()))) {
                reasons.put("conductor", new ArrayList<>(List.of(STALE)));
            }
            String name = checked(organizationId, workspaceId, setting, id, reasons);
            ConductorClass written = new ConductorClass(id, name, stored(setting, id), Times.now(), user);
            boolean updated;
            try {
                updated = store.update(organizationId, workspaceId, written, existing.lastUpdate());
            } catch (DuplicateKeyException raced) {
                throw invalid(Map.of("conductor", List.of(nameTaken(name))));
            }
            if (!updated) {
                throw invalid(Map.of("conductor", List.of(STALE)));
            }
            return id;
        });
    }

    /** Validates and completes the class; its name when it may be written, else 499 with every reason. */
    private String checked(String organizationId, String workspaceId, ObjectNode setting, String ownId,
                           Map<String, List<String>> reasons) {
        validation.check(organizationId, workspaceId, setting, ownId)
                .forEach((key, list) -> reasons.computeIfAbsent(key, k -> new ArrayList<>()).addAll(list));
        String name = ClassValidation.text(setting.path("conductor").get("conductor_name"));
        if (name != null && store.all(organizationId, workspaceId).stream()
                .anyMatch(c -> c.name().equals(name) && !c.id().equals(ownId))) {
            reasons.computeIfAbsent("conductor", k -> new ArrayList<>()).add(nameTaken(name));
        }
        if (!reasons.isEmpty()) {
            throw invalid(reasons);
        }
        return name;
    }

    /** The JSON as stored: the id and stamp belong to the row and are filled when it is read. */
    private String stored(ObjectNode setting, String id) {
        ObjectNode conductor = (ObjectNode) setting.get("conductor");
        conductor.put("id", id);
        conductor.putNull("last_update_date_time");
        return json.writeValueAsString(setting);
    }

    private static String nameTaken(String name) {
        return "conductor_name: a conductor class named \"" + name + "\" already exists";
    }

    private ApiException invalid(Map<String, List<String>> reasons) {
        return new ApiException("499-00201", "conductor.invalid", json.writeValueAsString(reasons))
                .withData(Map.of("errors", reasons));
    }

    /**
     * What the editor offers: the orchestras the organization has, their active movements, the active
     * operations, the workspace's classes (to call), and the node statuses and end types it may pick.
     */
    public Map<String, Object> info(String organizationId, String workspaceId) {
        Map<String, Object> info = new LinkedHashMap<>();
        List<Map<String, String>> orchestras = new ArrayList<>();
        Map<String, List<Map<String, String>>> movements = new LinkedHashMap<>();
        for (ClassValidation.Orchestra orchestra : validation.installed(organizationId)) {
            orchestras.add(Map.of("orchestra_id", orchestra.id(), "orchestra_name", orchestra.name()));
            movements.put(orchestra.id(), active(organizationId, workspaceId, orchestra.movementMenu(),
                    "movement_id", "movement_name"));
        }
        info.put("orchestra", orchestras);
        info.put("movement", movements);
        info.put("operation", active(organizationId, workspaceId, BasicMenus.OPERATIONS, "operation_id", "operation_name"));
        info.put("conductor", store.all(organizationId, workspaceId).stream()
                .map(c -> Map.of("conductor_class_id", c.id(), "conductor_name", c.name())).toList());
        info.put("node_status", ordered("1", "Unexecuted", "2", "Preparing", "3", "Executing", "4", "Executing (delay)",
                "5", "Normal end", "6", "Abend", "7", "Unexpected error", "8", "Emergency stop", "11", "On hold",
                "12", "Preparation error", "13", "End Skip", "14", "Warning end"));
        info.put("end_type", ordered("6", "Normal end", "7", "Abend", "8", "Warning end"));
        return info;
    }

    private List<Map<String, String>> active(String organizationId, String workspaceId, String menu, String idField,
                                             String nameField) {
        return menus.getObject().records(organizationId, workspaceId, menu, false).stream()
                .filter(r -> !r.discarded())
                .map(r -> Map.of(idField, r.id(), nameField, String.valueOf(r.parameter().get(nameField)))).toList();
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
