package dev.jita.execution;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.ClaimedItem;
import dev.jita.backyard.ItemProgress;
import dev.jita.backyard.JobHandler;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one driver's taken executions: the driver's {@link ExecutionDriver#run} inside a {@link RunContext}. */
final class ExecutionJob implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(ExecutionJob.class);

    private final ExecutionDriver driver;
    private final ExecutionStore store;
    private final WorkArea workArea;
    private final Sandbox sandbox;
    private final ExecutionProperties properties;

    ExecutionJob(ExecutionDriver driver, ExecutionStore store, WorkArea workArea, Sandbox sandbox,
                 ExecutionProperties properties) {
        this.driver = driver;
        this.store = store;
        this.workArea = workArea;
        this.sandbox = sandbox;
        this.properties = properties;
    }

    @Override
    public Backyard backyard() {
        return driver.backyard();
    }

    @Override
    public Step run(ClaimedItem item, ItemProgress progress) throws Exception {
        Execution execution = store.find(item.itemId())
                .orElseThrow(() -> new IllegalStateException("No execution is registered as " + item.itemId()));
        RunContext context = new RunContext(execution, workArea.directoryFor(execution.id()), store, sandbox,
                progress, properties.delayTimerUnit(), item.resumed());
        try {
            return Step.end(driver.run(execution, context).id());
        } catch (ExecutionRun.Unrunnable e) {
            context.log(ExecutionRun.ERROR_LOG, e.getMessage());
            return Step.end(ExecutionStatus.FAILED.id());
        } finally {
            try {
                context.close();
            } catch (IOException | RuntimeException e) {
                log.warn("Execution {}: its logs or work directory could not be finished: {}", execution.id(),
                        e.getMessage());
            }
        }
    }
}
