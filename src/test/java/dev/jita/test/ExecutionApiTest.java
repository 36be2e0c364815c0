package dev.jita.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * What the driver tests share: a member registering menu records, and an execution's status API polled until
 * it says what the test waits for. Subclasses set {@link #member}, {@link #menus} and {@link #status}.
 */
public abstract class ExecutionApiTest extends ApiTest {

    private static final Set<String> ENDS = Set.of("5", "6", "7", "8", "10");
    private static final Duration POLL = Duration.ofMillis(200);

    protected Http member;
    /** {@code /api/{org}/workspaces/{ws}/ita/menu/}. */
    protected String menus;
    /** The driver's {@code …/check_operation_status_<driver>/driver/}. */
    protected String status;

    /** How long a test waits for an execution to reach a status. */
    protected abstract Duration waitLimit();

    /** Registers a record and returns it as the menu shows it (a register answers only the counts, as Exastro's). */
    protected JsonNode record(String menu, Map<String, Object> parameter) {
        Set<String> before = new HashSet<>(member.get(menus + menu + "/filter/").data().findValuesAsString("uuid"));
        Http.Reply reply = member.post(menus + menu + "/maintenance/", Map.of("parameter", parameter));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.data().path("Register").asInt()).isEqualTo(1);
        for (JsonNode row : member.get(menus + menu + "/filter/").data()) {
            if (!before.contains(row.path("parameter").path("uuid").asString())) {
                return row.path("parameter");
            }
        }
        throw new AssertionError("The record registered in " + menu + " is not found");
    }

    protected JsonNode status(String id) {
        Http.Reply reply = member.get(status + id + "/");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data();
    }

    /** Polls the status until it satisfies {@code condition}; fails after {@link #waitLimit()}. */
    protected JsonNode awaitStatus(String id, Predicate<JsonNode> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + waitLimit().toNanos();
        JsonNode last = status(id);
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what + "; last status: " + last);
            }
            Thread.sleep(POLL.toMillis());
            last = status(id);
        }
        return last;
    }

    protected JsonNode awaitStatus(String id, int statusId) throws InterruptedException {
        return awaitStatus(id, s -> s.path("status_id").asString().equals(String.valueOf(statusId)), "status " + statusId);
    }

    /** Waits for an end status (5 to 8, or 10) and returns the status. */
    protected JsonNode awaitEnd(String id) throws InterruptedException {
        return awaitStatus(id, s -> ENDS.contains(s.path("status_id").asString()), "an end status");
    }
}
