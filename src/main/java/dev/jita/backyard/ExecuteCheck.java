package dev.jita.backyard;

import dev.jita.core.Times;
import dev.jita.platform.OrganizationDirectory;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Backyard activation status bulk acquirement: every organization, each with all its workspaces, each with
 * the running items of all seven backyards. Three queries whatever the size of the system (two of them the
 * platform's); the running items are found through the index on phase among any number of ended ones.
 */
@Service
public class ExecuteCheck {

    private final JdbcClient jdbc;
    private final OrganizationDirectory directory;

    ExecuteCheck(JdbcClient jdbc, OrganizationDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    private record Running(String organizationId, String workspaceId, String backyard, String itemId, int statusId,
                           LocalDateTime lastUpdate) {
    }

    @JsonPropertyOrder({"id", "execute_count", "workspaces"})
    private record OrganizationView(String id, @JsonProperty("execute_count") int executeCount,
                                    List<WorkspaceView> workspaces) {
    }

    @JsonPropertyOrder({"id", "execute_count", "backyards"})
    private record WorkspaceView(String id, @JsonProperty("execute_count") int executeCount,
                                 Map<String, List<Entry>> backyards) {

        /** The seven keys in name order, all empty: shared by every idle workspace. */
        private static final Map<String, List<Entry>> IDLE = emptyBackyards();

        static WorkspaceView idle(String id) {
            return new WorkspaceView(id, 0, IDLE);
        }

        static WorkspaceView of(String id, List<Running> running, boolean japanese) {
            Map<String, List<Entry>> backyards = emptyBackyards();
            int count = 0;
            for (Running item : running) {
                Backyard backyard = Backyard.of(item.backyard()).orElse(null);
                if (backyard == null) {
                    continue;
                }
                List<Entry> entries = backyards.get(backyard.serviceName());
                if (entries.isEmpty()) {
                    entries = new ArrayList<>();
                    backyards.put(backyard.serviceName(), entries);
                }
                entries.add(new Entry(item.itemId(), Times.micros(Times.fromDb(item.lastUpdate())),
                                String.valueOf(item.statusId()), backyard.statusTable().name(item.statusId(), japanese)));
                if (backyard.counted()) {
                    count++;
                }
            }
            return new WorkspaceView(id, count, backyards);
        }

        /** The same view without the backyards of drivers its organization does not have. */
        WorkspaceView without(Set<String> absent) {
            if (absent.isEmpty()) {
                return this;
            }
            Map<String, List<Entry>> kept = new TreeMap<>(backyards);
            kept.keySet().removeAll(absent);
            return new WorkspaceView(id, executeCount, kept);
        }

        private static Map<String, List<Entry>> emptyBackyards() {
            Map<String, List<Entry>> backyards = new TreeMap<>();
            for (Backyard backyard : Backyard.values()) {
                backyards.put(backyard.serviceName(), List.of());
            }
            return backyards;
        }
    }

    @JsonPropertyOrder({"id", "last_update_timestamp", "status_id", "status_name"})
    private record Entry(String id, @JsonProperty("last_update_timestamp") String lastUpdateTimestamp,
                         @JsonProperty("status_id") String statusId, @JsonProperty("status_name") String statusName) {
    }

    /** The API's answer data: also what the web UI's maintenance console shows. */
    public Map<String, Object> snapshot(boolean japanese) {
        List<OrganizationDirectory.OrganizationWorkspaces> organizations = directory.withWorkspaces();
        Map<String, List<Running>> runningByWorkspace = new HashMap<>();
        jdbc.sql("SELECT organization_id, workspace_id, backyard, item_id, status_id, last_update_timestamp "
                        + "FROM backyard_item WHERE phase = 'R' ORDER BY registered_at, item_id")
                .query((rs, n) -> new Running(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getObject(6, LocalDateTime.class)))
                .list()
                .forEach(r -> runningByWorkspace.computeIfAbsent(r.organizationId() + "/" + r.workspaceId(),
                        k -> new ArrayList<>()).add(r));

        int total = 0;
        List<OrganizationView> organizationViews = new ArrayList<>(organizations.size());
        for (OrganizationDirectory.OrganizationWorkspaces organization : organizations) {
            String organizationId = organization.organizationId();
            Set<String> absentBackyards = new HashSet<>();
            organization.notInstalled().forEach(driver -> absentBackyards.addAll(driver.backyards()));
            int organizationCount = 0;
            List<WorkspaceView> workspaceViews = new ArrayList<>(organization.workspaceIds().size());
            for (String workspaceId : organization.workspaceIds()) {
                List<Running> running = runningByWorkspace.get(organizationId + "/" + workspaceId);
                WorkspaceView view = (running == null ? WorkspaceView.idle(workspaceId)
                        : WorkspaceView.of(workspaceId, running, japanese))
                        .without(absentBackyards);
                workspaceViews.add(view);
                organizationCount += view.executeCount();
            }
            organizationViews.add(new OrganizationView(organizationId, organizationCount, workspaceViews));
            total += organizationCount;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("execute_count", total);
        data.put("organizations", organizationViews);
        return data;
    }
}
