package dev.jita.drivers.ansible;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param command        the ansible-playbook to run, a name looked up on the PATH or an absolute path
 * @param workDir        where each execution gets a directory of its own while it runs (default
 *                       {@code ${java.io.tmpdir}/jita-ansible})
 * @param delayTimerUnit what one unit of a movement's delay timer is: a minute, as Exastro says
 */
@ConfigurationProperties("jita.ansible")
record AnsibleProperties(
        @DefaultValue("ansible-playbook") String command,
        Path workDir,
        @DefaultValue("1m") Duration delayTimerUnit) {

    AnsibleProperties {
        workDir = workDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "jita-ansible") : workDir;
    }
}
