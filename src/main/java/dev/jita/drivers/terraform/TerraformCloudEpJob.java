package dev.jita.drivers.terraform;

import dev.jita.backyard.JobHandler;
import dev.jita.execution.Executions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Terraform Cloud/EP backyard's job on this node. {@code jita.terraform-cloud-ep.enabled=false} keeps a
 * node from following Terraform Cloud runs, e.g. where it cannot reach Terraform Cloud; the other nodes then do.
 */
@Configuration
class TerraformCloudEpJob {

    @Bean
    JobHandler terraformCloudEpExecuteJob(Executions executions, TerraformCloudEpDriver driver) {
        return executions.jobHandler(driver);
    }
}
