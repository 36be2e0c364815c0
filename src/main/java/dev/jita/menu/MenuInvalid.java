package dev.jita.menu;

import dev.jita.core.ApiException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reasons, per request item and per column, why records were not written: answered as 499-00201 with
 * Exastro's message (the reasons as JSON, e.g. {"0": {"host_name": ["..."]}}) and the same reasons in data.
 */
final class MenuInvalid {

    private final Map<String, Map<String, List<String>>> reasons = new TreeMap<>();

    void add(int item, String column, String reason) {
        reasons.computeIfAbsent(String.valueOf(item), k -> new TreeMap<>())
                .computeIfAbsent(column, k -> new java.util.ArrayList<>()).add(reason);
    }

    boolean isEmpty() {
        return reasons.isEmpty();
    }

    ApiException exception(String json) {
        return new ApiException("499-00201", "menu.invalid", json).withData(Map.of("errors", reasons));
    }

    Map<String, Map<String, List<String>>> reasons() {
        return reasons;
    }
}
