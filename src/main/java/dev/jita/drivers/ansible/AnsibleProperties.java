package dev.jita.drivers.ansible;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param command        the ansible-playbook to run, a name looked up on the PATH or an absolute path
 * @param delayTimerUnit what one unit of a movement's delay timer is: a minute, as Exastro says
 */
@ConfigurationProperties("jita.ansible")
record AnsibleProperties(
        @DefaultValue("ansible-playbook") String command,
        @DefaultValue("1m") Duration delayTimerUnit) {
}
