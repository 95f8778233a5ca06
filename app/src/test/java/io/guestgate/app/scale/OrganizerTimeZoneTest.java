package io.guestgate.app.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.emulator.config.EmulatorSeed;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * An organizer's times are read and shown in the time zone they set in Webex: read when they link, kept fresh when
 * their token is refreshed. A meeting keeps the zone it was created in. Through the whole chat path (signed webhook,
 * intake, parser), as another organizer than the shared world's, whose commands stay in the configured zone.
 */
class OrganizerTimeZoneTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final ScaleWorld world = ScaleTests.world();
    private final EmulatorSeed.Person peter = world.webex().seed().secondPerson();

    @Test
    void timesFollowTheZoneTheOrganizerSetInWebex() {
        world.webex().setTimezone(peter.id(), NEW_YORK.getId());
        world.ensureLinked(peter);

        world.say(peter, "create NY sync | tomorrow 10:00 | 45m");

        String created = ScaleWorld.content(world.awaitBotMessage(
                peter,
                WAIT,
                "the created meeting",
                message -> ScaleWorld.content(message).startsWith("Created **NY sync**")));
        assertThat(created).contains("10:00–10:45 (America/New_York)");
        Meeting meeting = world.instance(0)
                .getBean(MeetingStore.class)
                .upcomingFor(peter.id())
                .filter(found -> found.title().equals("NY sync"))
                .blockFirst(WAIT);
        ZonedDateTime tomorrowTen =
                ZonedDateTime.of(LocalDate.now(NEW_YORK).plusDays(1), LocalTime.of(10, 0), NEW_YORK);
        assertThat(meeting.start()).isEqualTo(tomorrowTen.toInstant());
        assertThat(meeting.timezone()).isEqualTo(NEW_YORK);
        assertThat(world.webex().meetings())
                .filteredOn(atWebex -> atWebex.id().equals(meeting.webex().id()))
                .singleElement()
                .satisfies(atWebex -> assertThat(atWebex.timezone()).isEqualTo(NEW_YORK));
        awaitAnswer("help", "Times are in America/New_York.");

        // Changed in Webex later: the next token refresh brings it along; the meeting stays in its own zone.
        world.webex().setTimezone(peter.id(), "Asia/Tokyo");
        assertThat(world.webex().expireIssuedAccessTokensOf(peter.id()))
                .as("GuestGate's token for Peter")
                .isPositive();
        awaitAnswer("rename " + meeting.webex().meetingNumber() + " to NY sync (final)", "Renamed **NY sync**");
        awaitAnswer("help", "Times are in Asia/Tokyo.");
        awaitAnswer("show " + meeting.webex().meetingNumber(), "10:00–10:45 (America/New_York)");
    }

    @Test
    void anOrganizerWithoutAZoneInWebexGetsTheConfiguredOne() {
        world.ensureOrganizerLinked();

        world.say("help");

        world.awaitBotMessage(
                WAIT, "the help", message -> ScaleWorld.content(message).contains("Times are in Europe/Vienna."));
    }

    private void awaitAnswer(String command, String expected) {
        int before = world.botMessagesTo(peter).size();
        world.say(peter, command);
        world.awaitBotMessage(
                peter,
                WAIT,
                "the answer to " + command,
                message -> world.botMessagesTo(peter).indexOf(message) >= before
                        && ScaleWorld.content(message).contains(expected));
    }
}
