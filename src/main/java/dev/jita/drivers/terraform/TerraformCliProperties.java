package dev.jita.drivers.terraform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param command   the terraform to run, a name looked up on the PATH or an absolute path
 * @param stopGrace how long terraform may take to stop after an emergency stop (it releases its state and
 *                  stops its provisioners) before it is killed
 */
@ConfigurationProperties("jita.terraform-cli")
record TerraformCliProperties(@DefaultValue("terraform") String command, @DefaultValue("15s") Duration stopGrace) {
}
