package dev.jita.execution;

/**
 * How a tool process ended.
 *
 * @param exitCode its exit code when it ended by itself
 * @param stopped  an emergency stop killed it
 * @param lost     this node no longer holds the execution (another node declared it dead): it was killed
 */
public record ToolOutcome(Integer exitCode, boolean stopped, boolean lost) {

    public boolean succeeded() {
        return exitCode != null && exitCode == 0;
    }
}
