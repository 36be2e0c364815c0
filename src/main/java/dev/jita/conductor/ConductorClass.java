package dev.jita.conductor;

import java.time.Instant;

/**
 * A stored conductor class: its id, its unique name, its class JSON as validated (conductor.id and
 * last_update_date_time are filled when it is read), and the stamp of its last update.
 */
public record ConductorClass(String id, String name, String setting, Instant lastUpdate, String lastUpdatedUser) {
}
