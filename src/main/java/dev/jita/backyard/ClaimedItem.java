package dev.jita.backyard;

import java.time.Instant;

/**
 * An item this node has taken and must drive to its end.
 *
 * @param resumed taken over from a node that died while it ran (only items of a
 *                {@linkplain Backyard#resumable() resumable} backyard): the job continues what was started
 */
public record ClaimedItem(String itemId, Backyard backyard, String organizationId, String workspaceId,
                          Instant registeredAt, Instant startedAt, boolean resumed) {
}
