package dev.jita.drivers.terraform;

import dev.jita.backyard.JobHandler;
import dev.jita.execution.Executions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Terraform CLI backyard's job on this node. {@code jita.terraform-cli.enabled=false} keeps a node from
 * running Terraform executions, e.g. where terraform is not installed; the other nodes then do.
 */
@Configuration
class TerraformCliJob {

    @Bean
    JobHandler terraformCliExecuteJob(Executions executions, TerraformCliDriver driver) {
        return executions.jobHandler(driver);
    }
}
