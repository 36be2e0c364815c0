package dev.jita.execution;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What a driver may do while it runs one execution; the framework keeps the logs, the status and the files. */
public interface ExecutionRun {

    /** The name of the log a tool's standard error goes to. */
    String ERROR_LOG = "error";

    /** What a masked value reads as in a log. */
    String MASK = "********";

    /** The execution's own directory, empty, readable by jita only, deleted when the run ends. */
    Path workDirectory();

    /** The sandbox over {@link #workDirectory()}; throws {@link Sandbox.Unavailable} where there is none. */
    ToolRun sandbox();

    /** Values masked in every log from now on (passwords, sensitive variables). */
    void mask(Collection<String> secrets);

    /** The movement's delay timer in its units (minutes, as Exastro says), counted from {@link #executing}; null: none. */
    void delayTimer(Long units);

    /** Preparing → Executing; false when this node no longer holds the execution (stop then). */
    boolean executing();

    /** Appends a line to a log. */
    void log(String logName, String line);

    /**
     * Runs a tool in the sandbox and watches it once a second until it ends: its standard output goes to
     * {@code logName}, its standard error to {@link #ERROR_LOG}, both stored as they come; an emergency stop
     * kills it, the delay timer turns the execution to Executing (delay).
     *
     * @param grace how long the tool may take to end after it was asked to (SIGTERM) before it is killed;
     *              zero kills at once
     * @throws IllegalStateException where the tool is not installed on this node
     */
    ToolOutcome runTool(String toolName, String logName, List<String> command, Map<String, String> environment,
                        String secretName, byte[] secret, Duration grace) throws IOException, InterruptedException;

    /** A log's text so far, secrets masked; empty when nothing was written to it. */
    String logText(String logName);

    /** Replaces a log's whole text (for logs read whole from elsewhere, e.g. a Terraform Cloud run's). */
    void replaceLog(String logName, String text);

    /**
     * Whether this node took the execution over from a node that died while it ran (a resumable backyard's):
     * the driver continues what was started instead of starting again.
     */
    boolean resumed();

    /**
     * Follows a run that goes on outside jita (e.g. at Terraform Cloud) until it ends: polls it every
     * {@code interval}, storing the logs as they change; an emergency stop asks the follower to stop the run
     * once and goes on following it to its end; the delay timer turns the execution to Executing (delay).
     *
     * @return the end status the follower gave, or null when this node no longer holds the execution
     * @throws Exception what the follower threw: the execution ends as {@link ExecutionDriver#run} says
     */
    ExecutionStatus follow(Duration interval, Follower follower) throws Exception;

    /** A run followed by {@link #follow}. */
    interface Follower {

        /** One look at the run: its end status when it has ended, else null. */
        ExecutionStatus poll() throws Exception;

        /** Asks the run to stop (an emergency stop); it is followed on until it ends. */
        void stop() throws Exception;
    }

    /**
     * Records the variable values the run was given (replacing what an earlier start of it recorded); sensitive
     * values are recorded masked.
     */
    void recordValues(List<ExecutionValue> values);

    /**
     * Keeps the populated data, {@code InputData_<execution id>.zip}: the given files (what the tool was given,
     * without secrets) and {@value #VALUES_FILE}, the values recorded by {@link #recordValues}.
     */
    void keepPopulatedData(Map<String, byte[]> files) throws IOException;

    /** The populated data's list of the execution's variable values (JSON). */
    String VALUES_FILE = "substitution_values.json";

    /** Keeps a file with the execution, for download. */
    void keepFile(String fileName, byte[] content);

    void exitCode(int exitCode);

    /** An execution the menus do not describe well enough to run: Completed (error), the message in its error log. */
    final class Unrunnable extends Exception {
        public Unrunnable(String message) {
            super(message);
        }
    }
}
