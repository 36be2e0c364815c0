package dev.jita.conductor;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.ClaimedItem;
import dev.jita.backyard.ItemProgress;
import dev.jita.backyard.JobHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The conductor backyard's job on this node; {@code jita.conductor.enabled=false} leaves it to other nodes. */
@Configuration
@EnableConfigurationProperties(ConductorProperties.class)
class ConductorJob {

    @Bean
    JobHandler conductorSynchronizeJob(ConductorSteps steps) {
        return new JobHandler() {
            @Override
            public Backyard backyard() {
                return Backyard.CONDUCTOR_SYNCHRONIZE;
            }

            @Override
            public Step run(ClaimedItem item, ItemProgress progress) {
                return steps.step(item, progress);
            }
        };
    }
}
