package io.guestgate.bot.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.guestgate.guestlist.meeting.MeetingsProperties;

/** One way to write a time in chat, in both languages: a 24-hour clock and the zone, for meetings and moments alike. */
class TimeTextsTest {

    private final TimeTexts times = new TimeTexts(new BotMessages(),
            new MeetingsProperties(ZoneId.of("Europe/Vienna"), Duration.ofDays(30)));
    private final Instant nightly = Instant.parse("2026-12-05T00:48:00Z");

    @Test
    void aMomentReadsLikeAMeetingsTimeWithA24HourClock() {
        assertThat(times.moment(Language.EN, nightly)).isEqualTo("Sat, 5 Dec 2026, 01:48 (Europe/Vienna)")
                .doesNotContain("AM");
        assertThat(times.moment(Language.DE, nightly)).isEqualTo("Sa., 5. Dez. 2026, 01:48 (Europe/Vienna)");
        assertThat(times.range(Language.EN, nightly, nightly.plus(Duration.ofMinutes(30))))
                .isEqualTo("Sat, 5 Dec 2026, 01:48–02:18 (Europe/Vienna)");
    }
}
