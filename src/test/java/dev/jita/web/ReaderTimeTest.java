package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reader's zone as a page chooses it, and times shown and read in it. */
class ReaderTimeTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void theUsersSettingWinsOverTheBrowsersCookie() {
        assertThat(ReaderTime.choose(Optional.of(BERLIN), "Asia/Tokyo").zone()).isEqualTo("Europe/Berlin");
        assertThat(ReaderTime.choose(Optional.empty(), "Asia/Tokyo").zone()).isEqualTo("Asia/Tokyo");
        assertThat(ReaderTime.choose(Optional.empty(), null).zone()).isEqualTo("UTC");
    }

    @Test
    void aCookieThatNamesNoKnownRegionMeansUtc() {
        for (String bad : new String[] {"", "Mars/Olympus", "+09:00", "UTC+9", "Asia/Tokyo\r\nX: y", "../../etc",
                "Asia/" + "x".repeat(80), "<script>", "Asia Tokyo"}) {
            assertThat(ReaderTime.choose(Optional.empty(), bad).zone()).as(bad).isEqualTo("UTC");
        }
        assertThat(ReaderTime.choose(Optional.empty(), "UTC").zone()).isEqualTo("UTC");
    }

    @Test
    void instantsShowInOneFormatInTheReadersZone() {
        Instant instant = Instant.parse("2026-01-05T16:04:05.123456Z");
        assertThat(ReaderTime.in(TOKYO).format(instant)).isEqualTo("2026/01/06 01:04:05");
        assertThat(ReaderTime.in(BERLIN).format(instant)).isEqualTo("2026/01/05 17:04:05");
        assertThat(ReaderTime.in(TOKYO).format(null)).isEmpty();
        assertThat(ReaderTime.in(TOKYO).input(instant)).isEqualTo("2026-01-06T01:04:05");
    }

    @Test
    void timesTheServicesWriteAreReadAsUtc() {
        ReaderTime tokyo = ReaderTime.in(TOKYO);
        assertThat(tokyo.text("2026-01-05T16:04:05Z")).isEqualTo("2026/01/06 01:04:05");
        assertThat(tokyo.text("2026-01-05T16:04:05.123456Z")).isEqualTo("2026/01/06 01:04:05");
        assertThat(tokyo.text("2026/01/05 16:04:05.123456")).isEqualTo("2026/01/06 01:04:05");
        assertThat(tokyo.text("2026/01/05 16:04:05")).isEqualTo("2026/01/06 01:04:05");
        assertThat(tokyo.text("2026/01/05 16:04")).isEqualTo("2026/01/06 01:04:00");
        assertThat(tokyo.text("not a time")).isEqualTo("not a time");
        assertThat(tokyo.text(null)).isEmpty();
    }

    @Test
    void aLocalInputIsReadWithTheOffsetOfItsOwnDay() {
        ReaderTime berlin = ReaderTime.in(BERLIN);
        // Winter is UTC+1, summer UTC+2.
        assertThat(berlin.parse("2026-01-15T12:00")).contains(Instant.parse("2026-01-15T11:00:00Z"));
        assertThat(berlin.parse("2026-07-15T12:00")).contains(Instant.parse("2026-07-15T10:00:00Z"));
        assertThat(berlin.parse("2026/07/15 12:00:30")).contains(Instant.parse("2026-07-15T10:00:30Z"));
        // The night summer time starts: 02:30 does not exist and moves on by the hour skipped.
        assertThat(ReaderTime.in(NEW_YORK).parse("2026-03-08T02:30")).contains(Instant.parse("2026-03-08T07:30:00Z"));
        // The night it ends: 01:30 happens twice; the first (still summer time, UTC-4) is taken.
        assertThat(ReaderTime.in(NEW_YORK).parse("2026-11-01T01:30")).contains(Instant.parse("2026-11-01T05:30:00Z"));
        assertThat(berlin.utc("2026-07-15T12:00")).isEqualTo("2026/07/15 10:00:00");
        assertThat(berlin.iso("2026-07-15T12:00:05")).isEqualTo("2026-07-15T10:00:05Z");
    }

    @Test
    void whatIsNotALocalTimeIsLeftAsTyped() {
        ReaderTime tokyo = ReaderTime.in(TOKYO);
        assertThat(tokyo.parse("2026-02-30T10:00")).isEmpty();
        assertThat(tokyo.parse("tomorrow")).isEmpty();
        assertThat(tokyo.parse(null)).isEmpty();
        assertThat(tokyo.utc("2026-02-30T10:00")).isEqualTo("2026-02-30T10:00");
        assertThat(tokyo.iso("2026-01-05T10:00:00Z")).isEqualTo("2026-01-05T10:00:00Z");
    }
}
