import dev.jita.JitaApplication;
import dev.jita.backyard.Backyard;
import dev.jita.backyard.ClaimedItem;
import dev.jita.backyard.ItemProgress;
import dev.jita.backyard.JobHandler;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A whole jita node for bench/claims.sh (never in the product): the Ansible driver's job handler is taken out and
 * replaced by one that ends each item at once as Completed, so that the backyard engine's own cost, claiming and
 * ending, is all there is to measure. (jita.ansible.enabled=false would not do: the node would take no Ansible
 * item at all.)
 */
public final class ClaimsNode {

    private ClaimsNode() {
    }

    public static void main(String[] args) {
        SpringApplication.run(new Class<?>[] {JitaApplication.class, NoOpJobs.class}, args);
    }

    @Configuration(proxyBeanMethods = false)
    public static class NoOpJobs {

        /** Runs once the configuration is read, when the driver's handler (a method of AnsibleJob) is defined. */
        @Bean
        static BeanDefinitionRegistryPostProcessor withoutTheAnsibleDriverJob() {
            return new BeanDefinitionRegistryPostProcessor() {
                @Override
                public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                    registry.removeBeanDefinition("ansibleExecuteJob");
                }

                @Override
                public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
                    // Only the registry is changed.
                }
            };
        }

        @Bean
        JobHandler benchNoOpJobs() {
            return new JobHandler() {
                @Override
                public Backyard backyard() {
                    return Backyard.ANSIBLE_EXECUTE;
                }

                @Override
                public Step run(ClaimedItem item, ItemProgress progress) {
                    return Step.end(5);
                }
            };
        }
    }
}
