package dev.jita.web;

import dev.jita.platform.UserTimeZones;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Time as the web UI shows and reads it: {@code YYYY/MM/DD hh:mm:ss} in the reader's zone, the user's stored
 * zone when they chose one, else the browser's (sent in a cookie, checked, never trusted blindly), else UTC.
 * The API keeps its own formats; only pages go through this.
 */
public final class ReaderTime {

    /** The cookie banner.js writes with the browser's zone. */
    static final String COOKIE = "jita-tz";

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    /** What jita writes in UTC: {@code 2026/01/05 10:00}, with seconds, with microseconds (last_update_date_time). */
    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm[:ss][.SSSSSS]");
    /** A local time typed or picked: date and minutes, optionally seconds, with / or - and a space or T. */
    private static final Pattern LOCAL = Pattern.compile(
            "(\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

    private static final ZoneId UTC = ZoneId.of("UTC");

    private final ZoneId zone;

    private ReaderTime(ZoneId zone) {
        this.zone = zone;
    }

    static ReaderTime in(ZoneId zone) {
        return new ReaderTime(zone);
    }

    /** The user's stored zone wins; else the browser's cookie when it names a known zone; else UTC. */
    static ReaderTime choose(Optional<ZoneId> stored, String cookie) {
        return new ReaderTime(stored.or(() -> UserTimeZones.zone(cookie)).orElse(UTC));
    }

    /** The zone's name as shown next to times and inputs, e.g. Asia/Tokyo. */
    public String zone() {
        return zone.getId();
    }

    ZoneId zoneId() {
        return zone;
    }

    /** {@code YYYY/MM/DD hh:mm:ss} in the reader's zone; empty for no time. */
    public String format(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant.atZone(zone));
    }

    /**
     * A time as the services write it (ISO 8601 with an offset or Z, or jita's {@code yyyy/MM/dd HH:mm:ss[.ffffff]}
     * in UTC), shown in the reader's zone; anything else unchanged, so a page never fails on a value.
     */
    public String text(String written) {
        Instant instant = instant(written);
        return instant == null ? (written == null ? "" : written) : format(instant);
    }

    /** The value of a datetime-local input for {@code instant}, in the reader's zone. */
    public String input(Instant instant) {
        return instant == null ? "" : INPUT.format(instant.atZone(zone));
    }

    /**
     * A local time in the reader's zone (typed {@code 2026/03/29 02:30}, or a picker's {@code 2026-03-29T02:30}),
     * as an instant with the zone's offset of that day. A time skipped by a change to summer time is moved forward
     * by the gap; one repeated when it ends is the earlier. Empty when it is not such a time.
     */
    Optional<Instant> parse(String local) {
        if (local == null) {
            return Optional.empty();
        }
        var matcher = LOCAL.matcher(local.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime time = LocalDateTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4)),
                    Integer.parseInt(matcher.group(5)), matcher.group(6) == null ? 0 : Integer.parseInt(matcher.group(6)));
            return Optional.of(ZonedDateTime.of(time, zone).toInstant());
        } catch (DateTimeException impossible) {
            return Optional.empty();
        }
    }

    /** A local time as jita writes UTC times ({@code yyyy/MM/dd HH:mm:ss}); the text unchanged when it is not one. */
    String utc(String local) {
        return parse(local).map(instant -> SHOWN.format(instant.atZone(ZoneOffset.UTC))).orElse(local);
    }

    /** A local time as ISO 8601 in UTC ({@code 2026-01-05T01:00:00Z}); the text unchanged when it is not one. */
    String iso(String local) {
        return parse(local).map(Instant::toString).orElse(local);
    }

    private static Instant instant(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(written).toInstant();
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDateTime.parse(written, STORED).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notStored) {
                return null;
            }
        }
    }
}
