package io.guestgate.bot.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.i18n.TimeTexts;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStatus;
import io.guestgate.domain.meeting.MeetingsProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MeetingCardsTest {

    private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    private final BotMessages messages = new BotMessages();
    private final MeetingCards cards =
            new MeetingCards(messages, new TimeTexts(new MeetingsProperties(VIENNA, Duration.ofDays(30))));
    private final Meeting meeting = new Meeting(
            "m1abc",
            new Meeting.Organizer("P1", "o@example.com", "Olivia"),
            "Q3 review",
            Instant.parse("2026-12-01T09:00:00Z"),
            Instant.parse("2026-12-01T09:45:00Z"),
            VIENNA,
            new Meeting.WebexMeeting(
                    "WEBEX-ID-123",
                    "25874369012",
                    "https://example.webex.com/meet/secret-link",
                    "25874369012@example.webex.com"),
            0,
            MeetingStatus.SCHEDULED,
            Instant.parse("2026-11-29T09:00:00Z"));

    @Test
    void summaryShowsTitleTimeAndAddParticipantsButNoWebexDetails() {
        String english = JsonMapper.builder().build().writeValueAsString(cards.summary(Language.EN, meeting));
        String german = JsonMapper.builder().build().writeValueAsString(cards.summary(Language.DE, meeting));

        assertThat(english)
                .contains(
                        "Q3 review",
                        "Tuesday, 1 December 2026, 10:00–10:45 (Europe/Vienna)",
                        "Add participants",
                        "\"action\":\"add-participants\"",
                        "\"meetingId\":\"m1abc\"",
                        "\"lang\":\"en\"");
        assertThat(german)
                .contains("Teilnehmende hinzufügen", "\"lang\":\"de\"", "Dienstag, 1. Dezember 2026, 10:00–10:45");
        for (String card : new String[] {english, german}) {
            assertThat(card).doesNotContain("25874369012", "secret-link", "webex.com", "WEBEX-ID-123");
        }
    }

    @Test
    void createFormAsksForTitleDateTimeAndLengthInTheCommandsLanguage() {
        String form = JsonMapper.builder()
                .build()
                .writeValueAsString(cards.createForm(
                        Language.DE, LocalDate.of(2026, 11, 30), java.time.ZoneId.of("Europe/Vienna")));

        assertThat(form)
                .contains(
                        "\"id\":\"title\"",
                        "\"id\":\"date\"",
                        "\"id\":\"time\"",
                        "\"id\":\"length\"",
                        "\"value\":\"2026-11-30\"",
                        "\"action\":\"create-meeting\"",
                        "\"lang\":\"de\"",
                        "Meeting anlegen");
    }
}
