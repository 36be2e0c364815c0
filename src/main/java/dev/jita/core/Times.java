package dev.jita.core;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Time as jita stores and prints it: UTC everywhere, never the JVM's or the database's zone. */
public final class Times {

    private static final DateTimeFormatter ENVELOPE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** The envelope's {@code ts}: milliseconds and Z. */
    public static String envelope(Instant instant) {
        return ENVELOPE.format(instant);
    }

    /** Record timestamps in answers: microseconds and Z. */
    public static String micros(Instant instant) {
        return instant == null ? null : MICROS.format(instant);
    }

    /** Database columns are zone-less timestamps holding UTC; drivers pass LocalDateTime through unchanged. */
    public static LocalDateTime toDb(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant fromDb(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** Now, truncated to the microseconds every supported database keeps. */
    public static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
