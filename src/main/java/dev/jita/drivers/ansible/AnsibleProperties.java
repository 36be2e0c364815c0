package dev.jita.drivers.ansible;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param command the ansible-playbook to run, a name looked up on the PATH or an absolute path */
@ConfigurationProperties("jita.ansible")
record AnsibleProperties(@DefaultValue("ansible-playbook") String command) {
}
