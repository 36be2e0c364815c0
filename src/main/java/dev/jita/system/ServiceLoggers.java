package dev.jita.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * jita's services by their Exastro names, and the loggers each one writes to. A backyard logs to
 * {@code dev.jita.backyard.<its name>}, so its level can be set on its own.
 */
final class ServiceLoggers {

    static final Map<String, List<String>> SERVICES = services();

    private ServiceLoggers() {
    }

    private static Map<String, List<String>> services() {
        Map<String, List<String>> services = new LinkedHashMap<>();
        services.put("ita-api-admin", List.of("dev.jita.platform", "dev.jita.maintenance", "dev.jita.system",
                "dev.jita.security", "dev.jita.core"));
        services.put("ita-api-organization", List.of("dev.jita.menu", "dev.jita.drivers", "dev.jita.conductor",
                "dev.jita.transfer"));
        services.put("ita-web-server", List.of("dev.jita.web"));
        for (String backyard : List.of("ita-by-ansible-execute", "ita-by-terraform-cloud-ep-execute",
                "ita-by-terraform-cli-execute", "ita-by-menu-create", "ita-by-menu-export-import",
                "ita-by-excel-export-import", "ita-by-conductor-synchronize")) {
            services.put(backyard, List.of("dev.jita.backyard." + backyard));
        }
        return services;
    }
}
