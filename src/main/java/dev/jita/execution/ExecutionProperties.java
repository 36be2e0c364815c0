package dev.jita.execution;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How executions run their tools.
 *
 * @param workDir         where each node keeps the directories of the executions it runs (default
 *                        {@code ${java.io.tmpdir}/jita-work}); several nodes on one host may share it
 * @param sweepInterval   how often a node removes what nodes that died on this host left there
 * @param sandbox         whether tools run in bubblewrap; {@code false} runs them as jita's OS user, with
 *                        access to everything jita can read: for a host whose kernel refuses user namespaces,
 *                        never for a system shared by tenants who must not see each other
 * @param bwrap           the bubblewrap command, a name looked up on the PATH or an absolute path
 * @param uid             the user id tools run as when jita runs as root (and inside the sandbox always)
 * @param gid             the group id likewise
 * @param readOnlyPaths   host paths a tool may read besides /usr and the basic files of /etc, e.g. a
 *                        Python virtual environment holding ansible
 * @param delayTimerUnit  what one unit of a movement's delay timer is: a minute, as Exastro says
 */
@ConfigurationProperties("jita.execution")
public record ExecutionProperties(
        Path workDir,
        @DefaultValue("1m") Duration sweepInterval,
        @DefaultValue("true") boolean sandbox,
        @DefaultValue("bwrap") String bwrap,
        @DefaultValue("65534") int uid,
        @DefaultValue("65534") int gid,
        List<Path> readOnlyPaths,
        @DefaultValue("1m") Duration delayTimerUnit) {

    public ExecutionProperties {
        workDir = workDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "jita-work") : workDir;
        readOnlyPaths = readOnlyPaths == null ? List.of() : List.copyOf(readOnlyPaths);
        if (uid <= 0 || gid <= 0) {
            throw new IllegalArgumentException("jita.execution.uid and jita.execution.gid must name an unprivileged user");
        }
    }
}
