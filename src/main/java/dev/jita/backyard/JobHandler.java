package dev.jita.backyard;

/**
 * The real work of one backyard. The engine finds handlers among the application's beans; a backyard
 * without a handler is never taken from, so its items wait.
 */
public interface JobHandler {

    Backyard backyard();

    /**
     * Runs a taken item to its end and returns its final status (an end status of the backyard's table).
     * An exception ends the item in Unexpected error (or Completed (error)) with the exception's message.
     */
    int run(ClaimedItem item, ItemProgress progress) throws Exception;
}
