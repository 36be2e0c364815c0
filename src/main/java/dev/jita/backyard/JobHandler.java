package dev.jita.backyard;

import java.time.Instant;

/**
 * The real work of one backyard. The engine finds handlers among the application's beans; a backyard
 * without a handler is never taken from, so its items wait.
 */
public interface JobHandler {

    Backyard backyard();

    /**
     * Runs a taken item and says how it went on: to an end status of the backyard's table, or (for a
     * {@linkplain Backyard#stepped() stepped} backyard) back to wait, still running, for another step.
     * An exception ends the item in Unexpected error (or Completed (error)) with the exception's message.
     */
    Step run(ClaimedItem item, ItemProgress progress) throws Exception;

    /** What a run ended with: {@link #end} or {@link #later}; {@code note} is kept as the item's note. */
    record Step(int endStatus, Instant nextStepAt, String note) {

        /** The item ends in {@code statusId}. */
        public static Step end(int statusId) {
            return new Step(statusId, null, null);
        }

        /** The item ends in {@code statusId}, with a note saying why (e.g. the reason of an error end). */
        public static Step end(int statusId, String note) {
            return new Step(statusId, null, note);
        }

        /**
         * The item stays running but no node holds it; a node takes it again for its next step at
         * {@code at} or later, while both maintenance modes are OFF.
         */
        public static Step later(Instant at) {
            return new Step(0, at, null);
        }

        boolean ended() {
            return nextStepAt == null;
        }
    }
}
