package dev.jita.backyard;

import dev.jita.core.Times;
import dev.jita.platform.WorkspaceCreated;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Gives a new workspace its place in every backyard's rotation, in the transaction that creates it. */
@Component
class WorkspaceTurns {

    private final JdbcClient jdbc;

    WorkspaceTurns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void created(WorkspaceCreated workspace) {
        for (Backyard backyard : Backyard.values()) {
            jdbc.sql("INSERT INTO backyard_turn (backyard, organization_id, workspace_id, last_started_at) "
                            + "VALUES (?, ?, ?, ?)")
                    .params(backyard.serviceName(), workspace.organizationId(), workspace.workspaceId(),
                            Times.toDb(Instant.EPOCH))
                    .update();
        }
    }
}
