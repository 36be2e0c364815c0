package dev.jita.backyard;

import java.time.Instant;

/** An item this node has taken and must drive to its end. */
public record ClaimedItem(String itemId, Backyard backyard, String organizationId, String workspaceId,
                          Instant registeredAt, Instant startedAt) {
}
