package dev.jita.maintenance;

import java.util.Map;

/** Something operators' other systems hear of: a mode change, a window's steps, a drain's end. */
public record MaintenanceEvent(String type, Map<String, Object> data) {
}
