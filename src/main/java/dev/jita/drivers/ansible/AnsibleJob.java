package dev.jita.drivers.ansible;

import dev.jita.backyard.JobHandler;
import dev.jita.execution.Executions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Ansible backyard's job on this node. {@code jita.ansible.enabled=false} keeps a node from running
 * Ansible executions, e.g. where ansible is not installed; the other nodes then do.
 */
@Configuration
class AnsibleJob {

    @Bean
    JobHandler ansibleExecuteJob(Executions executions, AnsibleDriver driver) {
        return executions.jobHandler(driver);
    }
}
