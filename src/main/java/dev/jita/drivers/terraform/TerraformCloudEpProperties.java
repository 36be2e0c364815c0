package dev.jita.drivers.terraform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeout      how long one call of the Terraform Cloud/Enterprise API may take (each is tried three times)
 * @param pollFailures how many polls in a row may fail (no answer, a server error) before a run is given up
 *                     as Unexpected error; the run itself may go on at Terraform Cloud
 */
@ConfigurationProperties("jita.terraform-cloud-ep")
record TerraformCloudEpProperties(@DefaultValue("10s") Duration timeout, @DefaultValue("10") int pollFailures) {
}
