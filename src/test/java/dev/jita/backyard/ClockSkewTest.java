package dev.jita.backyard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.core.Dialect;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Nodes whose clocks are off by far more than dead-after: one ahead, whose sweep would otherwise take every
 * live node for dead, and one behind, whose heartbeats would otherwise look stale to every other node. Each
 * notices and logs it; neither causes a live node's items to be ended.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClockSkewTest extends EngineTestOnOwnDatabase {

    private static final Duration DEAD_AFTER = Duration.ofSeconds(30);
    private static final Duration SKEW = Duration.ofMinutes(10);
    private static final Pattern WARNING = Pattern.compile("clock is (599|600|601) s off the database's");

    @Autowired
    Dialect dialect;

    private Nodes skewed(Duration offset) {
        return new Nodes(jdbc, dialect, transactions, DEAD_AFTER, Clock.offset(Clock.systemUTC(), offset));
    }

    private static long warnings(CapturedOutput output) {
        return WARNING.matcher(output.getOut()).results().count();
    }

    @Test
    void aNodeWithItsClockOffNeitherSweepsLiveNodesNorLooksDead(CapturedOutput output) throws Exception {
        String org = organization("ws1");
        TestHandler handler = new TestHandler(Backyard.ANSIBLE_EXECUTE, 5).hold().reporting(3);
        List<String> ids = register(Backyard.ANSIBLE_EXECUTE, org, "ws1", 2);
        engine(properties(1, Duration.ofMillis(200), DEAD_AFTER), handler).start();
        BackyardEngine behind = new BackyardEngine("behind-" + UUID.randomUUID().toString().substring(0, 8),
                "test-host", ProcessHandle.current().pid(), claims, skewed(SKEW.negated()), List.of(handler),
                properties(1, Duration.ofMillis(200), DEAD_AFTER));
        try {
            behind.start();
            await("both nodes run an item", Duration.ofSeconds(20),
                    () -> ids.stream().allMatch(id -> item(id).statusId() == 3));
            await("the node behind noticed", Duration.ofSeconds(20),
                    () -> warnings(output) == 1);

            // The node ahead sweeps right after the node behind wrote its last heartbeat, and so does a node on time.
            assertThat(skewed(SKEW).sweep(DEAD_AFTER)).isZero();
            assertThat(nodes.sweep(DEAD_AFTER)).isZero();
            for (String id : ids) {
                assertThat(item(id).phase()).as(id).isEqualTo("R");
                assertThat(item(id).statusId()).as(id).isEqualTo(3);
            }
            assertThat(warnings(output)).as("the node behind warned once, the node ahead once").isEqualTo(2);
        } finally {
            handler.release();
            behind.stop();
        }
    }
}
