package dev.jita.backyard;

import java.time.Instant;

/**
 * The real work of one backyard. The engine finds handlers among the application's beans; a backyard
 * without a handler is never taken from, so its items wait.
 */
public interface JobHandler {

    Backyard backyard();

    /**
     * Runs a taken item and says how it went on: to an end status of the backyard's table, back to wait as not
     * started ({@link Step#again}), or (for a {@linkplain Backyard#stepped() stepped} backyard) back to wait,
     * still running, for another step. An exception ends the item in Unexpected error (or Completed (error))
     * with the exception's message.
     */
    Step run(ClaimedItem item, ItemProgress progress) throws Exception;

    /**
     * What a run ended with: {@link #end}, {@link #again} or {@link #later}; {@code note} is kept as the item's
     * note.
     */
    record Step(int endStatus, Instant nextStepAt, boolean again, String note) {

        /** The item ends in {@code statusId}. */
        public static Step end(int statusId) {
            return new Step(statusId, null, false, null);
        }

        /** The item ends in {@code statusId}, with a note saying why (e.g. the reason of an error end). */
        public static Step end(int statusId, String note) {
            return new Step(statusId, null, false, note);
        }

        /**
         * The job did nothing that lasts (e.g. its write was rolled back because load mode was being switched
         * ON) and the item goes back to wait as if never taken: in its backyard's Unexecuted, held by no node,
         * without a start time, no longer counted as running. The claim path takes it again as any waiting item
         * (while both maintenance modes are OFF), before the workspace's later items since it keeps its
         * registration time. {@code note} says why it waits; it is cleared when the item is taken again.
         */
        public static Step again(String note) {
            return new Step(0, null, true, note);
        }

        /**
         * The item stays running but no node holds it; a node takes it again for its next step at
         * {@code at} or later, while both maintenance modes are OFF.
         */
        public static Step later(Instant at) {
            return new Step(0, at, false, null);
        }

        boolean ended() {
            return nextStepAt == null && !again;
        }
    }
}
