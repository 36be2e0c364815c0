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
