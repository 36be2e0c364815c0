package dev.jita.backyard;

import dev.jita.core.ApiResponse;
import dev.jita.core.Messages;
import dev.jita.core.Times;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backyard activation status bulk acquirement: every organization, each with all its workspaces, each with
 * the running items of all seven backyards. Three queries whatever the size of the system; the running
 * items are found through the index on phase among any number of ended ones.
 */
@RestController
class ExecuteCheckController {

    private final JdbcClient jdbc;

    ExecuteCheckController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Running(String organizationId, String workspaceId, String backyard, String itemId, int statusId,
                           LocalDateTime lastUpdate) {
    }

    @GetMapping({"/api/ita/backyard-execute-check/", "/api/ita/backyard-execute-check"})
    ApiResponse check(HttpServletRequest request) {
        boolean japanese = Messages.locale(request).equals(Locale.JAPANESE);
        List<String> organizations = jdbc.sql("SELECT organization_id FROM organization ORDER BY organization_id")
                .query(String.class).list();
        Map<String, List<String>> workspaces = new HashMap<>();
        jdbc.sql("SELECT organization_id, workspace_id FROM workspace ORDER BY organization_id, workspace_id")
                .query((rs, n) -> workspaces.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        Map<String, List<Running>> runningByWorkspace = new HashMap<>();
        jdbc.sql("SELECT organization_id, workspace_id, backyard, item_id, status_id, last_update_timestamp "
                        + "FROM backyard_item WHERE phase = 'R' ORDER BY registered_at, item_id")
                .query((rs, n) -> new Running(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getObject(6, LocalDateTime.class)))
                .list()
                .forEach(r -> runningByWorkspace.computeIfAbsent(r.organizationId() + "/" + r.workspaceId(),
                        k -> new ArrayList<>()).add(r));

        int total = 0;
        List<Map<String, Object>> organizationViews = new ArrayList<>();
        for (String organizationId : organizations) {
            int organizationCount = 0;
            List<Map<String, Object>> workspaceViews = new ArrayList<>();
            for (String workspaceId : workspaces.getOrDefault(organizationId, List.of())) {
                Map<String, List<Map<String, Object>>> backyards = new TreeMap<>();
                for (Backyard backyard : Backyard.values()) {
                    backyards.put(backyard.serviceName(), new ArrayList<>());
                }
                int workspaceCount = 0;
                for (Running item : runningByWorkspace.getOrDefault(organizationId + "/" + workspaceId, List.of())) {
                    Backyard backyard = Backyard.of(item.backyard()).orElse(null);
                    if (backyard == null) {
                        continue;
                    }
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", item.itemId());
                    entry.put("last_update_timestamp", Times.micros(Times.fromDb(item.lastUpdate())));
                    entry.put("status_id", String.valueOf(item.statusId()));
                    entry.put("status_name", backyard.statusTable().name(item.statusId(), japanese));
                    backyards.get(backyard.serviceName()).add(entry);
                    if (backyard.counted()) {
                        workspaceCount++;
                    }
                }
                Map<String, Object> workspaceView = new LinkedHashMap<>();
                workspaceView.put("id", workspaceId);
                workspaceView.put("execute_count", workspaceCount);
                workspaceView.put("backyards", backyards);
                workspaceViews.add(workspaceView);
                organizationCount += workspaceCount;
            }
            Map<String, Object> organizationView = new LinkedHashMap<>();
            organizationView.put("id", organizationId);
            organizationView.put("execute_count", organizationCount);
            organizationView.put("workspaces", workspaceViews);
            organizationViews.add(organizationView);
            total += organizationCount;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("execute_count", total);
        data.put("organizations", organizationViews);
        return ApiResponse.ok(data);
    }
}
