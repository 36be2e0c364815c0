package dev.jita.backyard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Runs this node's backyard engine when {@code jita.backyard.enabled} is true, for the backyards whose
 * {@link Backyard#enabledProperty()} is not false. Each start is a new node identity: items a previous life held are ended by the sweep.
 */
@Component
@EnableConfigurationProperties(BackyardProperties.class)
class BackyardNode implements SmartLifecycle {

    private final BackyardEngine engine;
    private volatile boolean running;

    BackyardNode(Claims claims, Nodes nodes, List<JobHandler> allHandlers, BackyardProperties properties,
                 Environment environment) {
        String host = hostName();
        // Read at start, not by conditions on the beans, so that an ahead-of-time-processed build serves every role.
        List<JobHandler> handlers = allHandlers.stream().filter(handler -> environment.getProperty(
                handler.backyard().enabledProperty(), Boolean.class, true)).toList();
        this.engine = properties.enabled() && !handlers.isEmpty()
                ? new BackyardEngine(host + "-" + UUID.randomUUID().toString().substring(0, 8), host,
                        ProcessHandle.current().pid(), claims, nodes, handlers, properties)
                : null;
    }

    @Override
    public void start() {
        if (engine != null) {
            engine.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        if (engine != null) {
            engine.stop();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
