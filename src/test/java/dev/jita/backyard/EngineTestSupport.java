package dev.jita.backyard;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Engines made by the test itself (several per test act as several nodes), on the server's database. The
 * server's own engine is off here (an API-only node), so that only the test's engines and handlers take items;
 * its dead-node sweep still runs.
 */
@TestPropertySource(properties = "jita.backyard.enabled=false")
abstract class EngineTestSupport extends ApiTest {

    @Autowired
    Claims claims;
    @Autowired
    Nodes nodes;
    @Autowired
    BackyardItems items;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    private final List<BackyardEngine> engines = new ArrayList<>();
    private final List<String> organizations = new ArrayList<>();

    /** Stops the test's engines and deletes its organizations, so no item of it waits for a later test's engine. */
    @AfterEach
    void stopEnginesAndForgetItems() {
        engines.forEach(BackyardEngine::stop);
        engines.clear();
        setModes("0", "0");
        organizations.forEach(org -> admin().delete("/api/platform/organizations/" + org));
        organizations.clear();
    }

    /**
     * A write of the test's own while engines run: MariaDB may pick it as a deadlock victim against their claims
     * and sweeps, and then it is written again, as jita's own writes are.
     */
    void writeBesideEngines(String sql, Object... params) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.sql(sql).params(params).update();
                return;
            } catch (PessimisticLockingFailureException deadlock) {
                if (attempt == 5) {
                    throw deadlock;
                }
            }
        }
    }

    static BackyardProperties properties(int concurrency, Duration heartbeat, Duration deadAfter) {
        return new BackyardProperties(true, Duration.ofMillis(50), concurrency, Map.of(), heartbeat, deadAfter,
                Duration.ofMillis(500), Duration.ofSeconds(5));
    }

    BackyardEngine engine(BackyardProperties properties, JobHandler... handlers) {
        BackyardEngine engine = new BackyardEngine("test-" + UUID.randomUUID().toString().substring(0, 8),
                "test-host", ProcessHandle.current().pid(), claims, nodes, List.of(handlers), properties);
        engines.add(engine);
        return engine;
    }

    BackyardEngine engine(int concurrency, JobHandler... handlers) {
        return engine(properties(concurrency, Duration.ofMillis(200), Duration.ofSeconds(30)), handlers);
    }

    /** An organization with the given workspaces; returns its id. */
    String organization(String... workspaceIds) {
        String org = unique("by-org");
        createOrganization(org, "owner", "owner-pass");
        organizations.add(org);
        Http owner = http().as("owner", "owner-pass");
        for (String workspaceId : workspaceIds) {
            createWorkspace(owner, org, workspaceId);
        }
        return org;
    }

    List<String> register(Backyard backyard, String org, String workspace, int count) {
        List<String> ids = new ArrayList<>();
        transactions.executeWithoutResult(s -> {
            for (int i = 0; i < count; i++) {
                ids.add(items.register(backyard, org, workspace, "tester", null));
            }
        });
        return ids;
    }

    String schedule(Backyard backyard, String org, String workspace, Instant at) {
        return transactions.execute(s -> items.register(backyard, org, workspace, "tester", at));
    }

    BackyardItems.Item item(String id) {
        return items.find(id).orElseThrow();
    }

    static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }
}
