package jitanode;

import dev.jita.JitaApplication;
import dev.jita.backyard.Backyard;
import dev.jita.backyard.ClaimedItem;
import dev.jita.backyard.ItemProgress;
import dev.jita.backyard.JobHandler;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * A whole jita node in a process of its own (in a package of its own, so that the test server's component
 * scan does not pick up its handler), with a job handler that never finishes in place of the real Ansible
 * driver (see {@link WithoutTheAnsibleDriverJob}). Tests kill it with SIGKILL: while it holds items, or the
 * moment it has acknowledged a change.
 */
public final class NodeProcessMain {

    private NodeProcessMain() {
    }

    /** An Ansible job handler whose items run until the process ends. */
    @Configuration(proxyBeanMethods = false)
    @Import(WithoutTheAnsibleDriverJob.class)
    public static class NeverEndingJobs {
        @Bean
        JobHandler neverEnding() {
            return new JobHandler() {
                @Override
                public Backyard backyard() {
                    return Backyard.ANSIBLE_EXECUTE;
                }

                @Override
                public Step run(ClaimedItem item, ItemProgress progress) throws InterruptedException {
                    progress.setStatus(3);
                    Thread.sleep(Long.MAX_VALUE);
                    return Step.end(5);
                }
            };
        }
    }

    public static void main(String[] args) {
        ParentWatch.exitWithParent();
        SpringApplication.run(new Class<?>[] {JitaApplication.class, NeverEndingJobs.class}, args);
    }
}
