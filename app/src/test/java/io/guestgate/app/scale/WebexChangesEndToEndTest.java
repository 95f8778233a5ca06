package io.guestgate.app.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStore;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * A meeting GuestGate created, changed by its organizer in Webex itself (the Webex app, the site, Outlook): the
 * organizer's {@code meetings} webhooks bring it in through the signed intake, and the guests get the update or the
 * cancellation as if the bot had been used. GuestGate's own change comes back the same way and changes nothing; a
 * webhook that never comes is caught up by {@code show}.
 */
class WebexChangesEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

    private final ScaleWorld world = ScaleTests.world();

    @Test
    void movedRenamedAndDeletedInWebexReachTheGuests() throws Exception {
        world.ensureOrganizerLinked();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String title = "Sync " + run;
        String guest = "gina-" + run + "@guest.example";
        world.say("create " + title + " | tomorrow 10:00 | 45m");
        world.awaitBotMessage(
                WAIT, "the created meeting", m -> ScaleWorld.content(m).startsWith("Created **" + title));
        Meeting meeting = store().upcomingFor(world.organizer().id())
                .filter(m -> m.title().equals(title))
                .blockFirst(WAIT);
        String number = meeting.webex().meetingNumber();
        world.say("add Gina <" + guest + "> to " + number);
        await().atMost(WAIT).until(() -> mailsTo(guest).size() == 1);

        // Moved and renamed in the Webex app.
        Instant newStart = meeting.start().plus(Duration.ofDays(1));
        world.webex()
                .hostReschedules(meeting.webex().id(), title + " moved", newStart, newStart.plus(Duration.ofHours(1)));

        world.awaitBotMessage(
                WAIT,
                "the notice of the change",
                m -> ScaleWorld.content(m)
                        .startsWith("📅 **" + title + "** was changed in Webex: it is now **" + title + " moved**"));
        await().atMost(WAIT).until(() -> mailsTo(guest).size() == 2);
        VEvent update = eventOf(mailsTo(guest).get(1));
        assertThat(value(update, "SEQUENCE")).isEqualTo("1");
        assertThat(value(update, "SUMMARY")).isEqualTo(title + " moved");
        assertThat(Instant.from(update.getStartDate().orElseThrow().getDate())).isEqualTo(newStart);
        Meeting followed = store().findById(meeting.id()).block(WAIT);
        assertThat(followed.start()).isEqualTo(newStart);
        assertThat(followed.sequence()).isEqualTo(1);

        // GuestGate's own move comes back as a webhook too, and changes nothing more.
        double unchangedBefore = count("unchanged");
        Instant ownStart = newStart.plus(Duration.ofHours(2));
        world.say("move " + number + " to "
                + ownStart.atZone(VIENNA).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        world.awaitBotMessage(WAIT, "the move", m -> ScaleWorld.content(m).startsWith("Moved **" + title + " moved**"));
        await().atMost(WAIT).until(() -> count("unchanged") > unchangedBefore);
        await().atMost(WAIT).until(() -> mailsTo(guest).size() == 3);
        assertThat(value(eventOf(mailsTo(guest).get(2)), "SEQUENCE")).isEqualTo("2");
        assertThat(world.botMessages())
                .filteredOn(m -> ScaleWorld.content(m).contains("was changed in Webex")
                        && ScaleWorld.content(m).contains(title))
                .hasSize(1);
        assertThat(store().findById(meeting.id()).block(WAIT).sequence()).isEqualTo(2);

        // Moved in the Webex app again, and the webhook never comes: show looks at Webex and catches up.
        world.webex().dropDeliveries("meetings", 1);
        Instant lastStart = ownStart.plus(Duration.ofHours(1));
        world.webex()
                .hostReschedules(
                        meeting.webex().id(), title + " moved", lastStart, lastStart.plus(Duration.ofHours(1)));
        world.say("show " + number);
        String expectedTime = lastStart.atZone(VIENNA).format(DateTimeFormatter.ofPattern("HH:mm"));
        world.awaitBotMessage(
                WAIT,
                "show with the time from Webex",
                m -> ScaleWorld.content(m).startsWith("**" + title + " moved**")
                        && ScaleWorld.content(m).contains(expectedTime + "–"));
        await().atMost(WAIT).until(() -> mailsTo(guest).size() == 4);
        assertThat(value(eventOf(mailsTo(guest).get(3)), "SEQUENCE")).isEqualTo("3");

        // Deleted in the Webex app.
        world.webex().hostDeletes(meeting.webex().id());

        world.awaitBotMessage(
                WAIT,
                "the notice of the deletion",
                m -> ScaleWorld.content(m)
                        .startsWith("🗑️ **" + title + " moved** was deleted in Webex, so GuestGate cancelled it. "
                                + "Sending 1 guest a cancellation"));
        await().atMost(WAIT).until(() -> mailsTo(guest).size() == 5);
        Calendar cancel = calendarOf(mailsTo(guest).get(4));
        assertThat(cancel.getProperty("METHOD").map(Property::getValue)).hasValue("CANCEL");
        assertThat(store().findById(meeting.id()).block(WAIT).isCancelled()).isTrue();
        assertThat(world.instance(0)
                        .getBean(InvitationStore.class)
                        .findByMeeting(meeting.id())
                        .collectList()
                        .block(WAIT))
                .singleElement()
                .satisfies(invitation -> assertThat(invitation.isRevoked()).isTrue());
    }

    private MeetingStore store() {
        return world.instance(0).getBean(MeetingStore.class);
    }

    private List<MimeMessage> mailsTo(String address) {
        return world.smtp().received().stream()
                .filter(mail -> Smtp.recipient(mail).equals(address))
                .toList();
    }

    private double count(String outcome) {
        double counted = 0;
        for (int i = 0; i < world.size(); i++) {
            counted += world.instance(i)
                    .getBean(MeterRegistry.class)
                    .counter("guestgate.meetings.webex-changes", "outcome", outcome)
                    .count();
        }
        return counted;
    }

    private static VEvent eventOf(MimeMessage mail) throws Exception {
        return (VEvent) calendarOf(mail).getComponents("VEVENT").get(0);
    }

    private static String value(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }

    /** The mail's {@code text/calendar} part, parsed. */
    private static Calendar calendarOf(Part part) throws Exception {
        if (part.isMimeType("text/calendar")) {
            String text = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new CalendarBuilder().build(new StringReader(text));
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                try {
                    return calendarOf(multipart.getBodyPart(i));
                } catch (IllegalStateException none) {
                    // not in this part
                }
            }
        }
        throw new IllegalStateException("no text/calendar part");
    }
}
