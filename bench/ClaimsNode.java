import dev.jita.JitaApplication;
import dev.jita.backyard.Backyard;
import dev.jita.backyard.ClaimedItem;
import dev.jita.backyard.ItemProgress;
import dev.jita.backyard.JobHandler;
import org.springframework.boot.SpringApplication;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A whole jita node for bench/claims.sh (never in the product): the Ansible driver is replaced (started with
 * jita.ansible.enabled=false) by a job handler that ends each item at once as Completed, so that the backyard
 * engine's own cost, claiming and ending, is all there is to measure.
 */
public final class ClaimsNode {

    private ClaimsNode() {
    }

    public static void main(String[] args) {
        JobHandler noOp = new JobHandler() {
            @Override
            public Backyard backyard() {
                return Backyard.ANSIBLE_EXECUTE;
            }

            @Override
            public Step run(ClaimedItem item, ItemProgress progress) {
                return Step.end(5);
            }
        };
        SpringApplication application = new SpringApplication(JitaApplication.class);
        application.addInitializers(context ->
                ((GenericApplicationContext) context).getBeanFactory().registerSingleton("benchNoOpJobs", noOp));
        application.run(args);
    }
}
