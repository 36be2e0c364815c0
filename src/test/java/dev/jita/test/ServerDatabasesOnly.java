package dev.jita.test;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Leaves the tests tagged {@value #TAG} (several node processes sharing a database server under load) out of a
 * run on H2: they belong to the PostgreSQL and MariaDB passes. Left out, not skipped: they are not in the H2 run
 * at all. Registered for every run through the launcher's auto-detection (src/test/resources).
 */
public final class ServerDatabasesOnly implements PostDiscoveryFilter {

    public static final String TAG = "database-server";

    /**
     * Only where the run names H2: with more than one test JVM, surefire also discovers the tests in Maven's own JVM,
     * which has no {@code jita.test.db} and would leave these out of the PostgreSQL and MariaDB passes unsaid; the
     * test JVMs, which have it, still leave them out of the H2 pass.
     */
    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if ("h2".equalsIgnoreCase(System.getProperty("jita.test.db")) && descriptor.getTags().contains(TestTag.create(TAG))) {
            return FilterResult.excluded("needs a database server: runs in the PostgreSQL and MariaDB passes");
        }
        return FilterResult.included("runs on " + TestDatabase.KIND);
    }
}
