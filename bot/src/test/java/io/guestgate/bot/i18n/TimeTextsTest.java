package io.guestgate.bot.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStatus;
import io.guestgate.domain.meeting.MeetingsProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** One way to write a time in chat, in both languages: a 24-hour clock and the zone, for meetings and moments alike. */
class TimeTextsTest {

    private final TimeTexts times =
            new TimeTexts(new MeetingsProperties(ZoneId.of("Europe/Vienna"), Duration.ofDays(30)));
    private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

    private final Instant nightly = Instant.parse("2026-12-05T00:48:00Z");

    @Test
    void aMomentReadsLikeAMeetingsTimeWithA24HourClock() {
        assertThat(times.moment(Language.EN, nightly, VIENNA))
                .isEqualTo("Saturday, 5 December 2026, 01:48 (Europe/Vienna)")
                .doesNotContain("AM");
        assertThat(times.moment(Language.DE, nightly, VIENNA))
                .isEqualTo("Samstag, 5. Dezember 2026, 01:48 (Europe/Vienna)");
        assertThat(times.range(Language.EN, meeting(VIENNA)))
                .isEqualTo("Saturday, 5 December 2026, 01:48–02:18 (Europe/Vienna)");
    }

    @Test
    void aMeetingIsShownInItsOwnZoneAndAMomentInTheZoneGiven() {
        ZoneId newYork = ZoneId.of("America/New_York");

        assertThat(times.range(Language.EN, meeting(newYork)))
                .isEqualTo("Friday, 4 December 2026, 19:48–20:18 (America/New_York)");
        assertThat(times.moment(Language.DE, nightly, newYork))
                .isEqualTo("Freitag, 4. Dezember 2026, 19:48 (America/New_York)");
    }

    private Meeting meeting(ZoneId zone) {
        return new Meeting(
                "m1abc",
                new Meeting.Organizer("person-1", "olivia@example.com", "Olivia"),
                "Q3 review",
                nightly,
                nightly.plus(Duration.ofMinutes(30)),
                zone,
                new Meeting.WebexMeeting("webex-1", "2345678901", "https://example.webex.com/m", "m@example.webex.com"),
                0,
                MeetingStatus.SCHEDULED,
                nightly);
    }
}
