package dev.jita.backyard;

/** What a running job may tell about its item while it runs. */
public interface ItemProgress {

    /**
     * Moves the item to another running status (e.g. Preparing → Executing → Executing (delay)).
     * Returns false when this node no longer holds the item (it was declared dead meanwhile): the job
     * should then stop.
     */
    boolean setStatus(int runningStatusId);

    /** False once this node no longer holds the item. */
    boolean stillHeld();
}
