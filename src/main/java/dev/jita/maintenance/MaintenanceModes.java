package dev.jita.maintenance;

import java.util.LinkedHashMap;
import java.util.Map;

/** The two modes as they stand. */
public record MaintenanceModes(boolean backyardExecuteStop, boolean dataUpdateStop) {

    /** No backyard starts new work while either mode is ON. */
    public boolean jobsStopped() {
        return backyardExecuteStop || dataUpdateStop;
    }

    public boolean isOn(MaintenanceMode mode) {
        return mode == MaintenanceMode.BACKYARD_EXECUTE_STOP ? backyardExecuteStop : dataUpdateStop;
    }

    /** The API's shape: {"backyard_execute_stop": "0", "data_update_stop": "0"}. */
    public Map<String, String> asApi() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(MaintenanceMode.BACKYARD_EXECUTE_STOP.key(), backyardExecuteStop ? "1" : "0");
        map.put(MaintenanceMode.DATA_UPDATE_STOP.key(), dataUpdateStop ? "1" : "0");
        return map;
    }
}
