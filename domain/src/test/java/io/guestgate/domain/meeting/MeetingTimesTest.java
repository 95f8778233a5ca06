package io.guestgate.domain.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** One way to write a time, in both languages: the date written out, a 24-hour clock, the zone. */
class MeetingTimesTest {

    private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    private static final Instant START = Instant.parse("2026-12-06T13:00:00Z");

    @Test
    void aSpanAndAMomentReadTheSameInEveryPlace() {
        assertThat(MeetingTimes.span(Locale.ENGLISH, START, START.plusSeconds(1800), VIENNA))
                .isEqualTo("Sunday, 6 December 2026, 14:00–14:30 (Europe/Vienna)")
                .doesNotContain("PM");
        assertThat(MeetingTimes.span(Locale.GERMAN, START, START.plusSeconds(1800), VIENNA))
                .isEqualTo("Sonntag, 6. Dezember 2026, 14:00–14:30 (Europe/Vienna)");
        assertThat(MeetingTimes.span(Locale.forLanguageTag("de-AT"), START, START.plusSeconds(1800), VIENNA))
                .startsWith("Sonntag, 6. Dezember 2026");
        assertThat(MeetingTimes.moment(Locale.ENGLISH, START, ZoneId.of("America/New_York")))
                .isEqualTo("Sunday, 6 December 2026, 08:00 (America/New_York)");
    }

    @Test
    void anEndOnAnotherDayCarriesItsDate() {
        assertThat(MeetingTimes.span(Locale.ENGLISH, START, START.plusSeconds(12 * 3600), VIENNA))
                .isEqualTo("Sunday, 6 December 2026, 14:00–Monday, 7 December 2026, 02:00 (Europe/Vienna)");
    }
}
