package jitanode;

import dev.jita.JitaApplication;
import dev.jita.backyard.Backyard;
import dev.jita.backyard.ClaimedItem;
import dev.jita.backyard.ItemProgress;
import dev.jita.backyard.JobHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A jita node for load tests: its Ansible job (in place of the driver's) runs no tool but writes
 * down each run in the test's table {@code load_item_run} (the item, the node, the database's clock in UTC),
 * works {@code jita.test.job-time} and completes. A run written down twice is an item run twice.
 */
public final class LoadNodeMain {

    private LoadNodeMain() {
    }

    @Configuration(proxyBeanMethods = false)
    @Import(WithoutTheAnsibleDriverJob.class)
    public static class RecordingJobs {
        @Bean
        JobHandler recordingAnsibleJob(JdbcClient jdbc, @Value("${jita.test.utc-now}") String utcNow,
                                       @Value("${jita.test.job-time:20ms}") java.time.Duration jobTime) {
            return new JobHandler() {
                @Override
                public Backyard backyard() {
                    return Backyard.ANSIBLE_EXECUTE;
                }

                @Override
                public Step run(ClaimedItem item, ItemProgress progress) throws InterruptedException {
                    progress.setStatus(3);
                    jdbc.sql("INSERT INTO load_item_run (item_id, node_id, ran_at) SELECT item_id, node_id, " + utcNow
                            + " FROM backyard_item WHERE item_id = ?").param(item.itemId()).update();
                    Thread.sleep(jobTime.toMillis());
                    return Step.end(5);
                }
            };
        }
    }

    public static void main(String[] args) {
        ParentWatch.exitWithParent();
        SpringApplication.run(new Class<?>[] {JitaApplication.class, RecordingJobs.class}, args);
    }
}
