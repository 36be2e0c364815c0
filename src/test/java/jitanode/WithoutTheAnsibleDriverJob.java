package jitanode;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Takes the real Ansible driver's job handler out of a test node, so that the node's own test handler runs its
 * Ansible items in its place. ({@code jita.ansible.enabled=false} would not do: it keeps the node from taking
 * Ansible items at all, whichever handler it has.)
 */
@Configuration(proxyBeanMethods = false)
public class WithoutTheAnsibleDriverJob {

    /** The name of the real handler's bean: the method in dev.jita.drivers.ansible.AnsibleJob. */
    static final String DRIVER_JOB = "ansibleExecuteJob";

    @Bean
    static BeanDefinitionRegistryPostProcessor withoutTheAnsibleDriverJobHandler() {
        return new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                registry.removeBeanDefinition(DRIVER_JOB);
            }

            @Override
            public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
                // Only the registry is changed.
            }
        };
    }
}
