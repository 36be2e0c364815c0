package dev.jita.conductor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A conductor instance and the executions it starts are recorded as runs of their class and movement (forecast). */
class HistoryKeyTest extends ConductorTestSupport {

    @Autowired
    JdbcClient jdbc;

    private String historyKey(String itemId) {
        return jdbc.sql("SELECT history_key FROM backyard_item WHERE item_id = ?").param(itemId)
                .query(String.class).single();
    }

    @Test
    void instancesAreRunsOfTheirClassAndExecutionsOfTheirMovementAndMode() throws Exception {
        movement("mv1", ConductorRunTest.OK_TASK);
        register(ClassJson.minimal("c1"));
        String id = execute("c1");

        JsonNode done = awaitInstanceEnd(id);

        assertThat(historyKey(id)).as(done.toString()).matches("conductor_class:\\S+");
        String executionId = done.path("node").path("node-2").path("jump").path("execution_id").asString();
        assertThat(historyKey(executionId)).matches("movement:[0-9a-f-]{36}:RUN");
    }
}
