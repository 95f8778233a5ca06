package io.guestgate.bot.invite.ics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.Fixtures;
import io.guestgate.bot.invite.content.GuestMeeting;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.meeting.Meeting;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class IcsBuilderTest {

    private static final Instant NOW = Instant.parse("2030-03-01T08:15:30.123Z");
    private static final Instant START = Instant.parse("2030-03-04T09:00:00Z");
    private static final Instant END = Instant.parse("2030-03-04T10:30:00Z");
    private static final URI LINK =
            URI.create("https://guestgate.example.com/join/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd");

    private final IcsBuilder builder = new IcsBuilder(
            Clock.fixed(NOW, ZoneOffset.UTC), "guestgate.example.com", "invitations@guestgate.example.com");
    private final Invitee anna = new Invitee("Anna Müller", "anna@guest.example");

    @Test
    void requestCarriesEverythingACalendarNeeds() throws Exception {
        GuestMeeting meeting = GuestMeeting.of(Fixtures.meeting("m1abc", "Q3 review", START, END));

        Calendar calendar = parse(builder.build(MailPurpose.INVITE, meeting, anna, LINK, Language.EN));

        assertThat(value(calendar.getProperties(), "METHOD")).isEqualTo("REQUEST");
        VEvent event = onlyEvent(calendar);
        assertThat(value(event, "UID")).isEqualTo("m1abc@guestgate.example.com");
        assertThat(value(event, "SEQUENCE")).isEqualTo("0");
        assertThat(value(event, "DTSTAMP")).isEqualTo("20300301T081530Z");
        assertThat(value(event, "DTSTART")).isEqualTo("20300304T100000");
        assertThat(param(event.getProperty("DTSTART").orElseThrow(), "TZID")).isEqualTo("Europe/Vienna");
        assertThat(value(event, "DTEND")).isEqualTo("20300304T113000");
        assertThat(param(event.getProperty("DTEND").orElseThrow(), "TZID")).isEqualTo("Europe/Vienna");
        assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
        assertThat(value(calendar.getComponents("VTIMEZONE").get(0).getProperties(), "TZID"))
                .isEqualTo("Europe/Vienna");
        assertThat(Instant.from(event.getStartDate().orElseThrow().getDate())).isEqualTo(START);
        assertThat(value(event, "SUMMARY")).isEqualTo("Q3 review");
        Property organizer = event.getProperty("ORGANIZER").orElseThrow();
        assertThat(organizer.getValue()).isEqualTo("mailto:olga@corp.example");
        assertThat(param(organizer, "CN")).isEqualTo("Olga Organizer");
        assertThat(param(organizer, "SENT-BY")).isEqualTo("mailto:invitations@guestgate.example.com");
        Property attendee = event.getProperty("ATTENDEE").orElseThrow();
        assertThat(attendee.getValue()).isEqualTo("mailto:anna@guest.example");
        assertThat(param(attendee, "CN")).isEqualTo("Anna Müller");
        assertThat(param(attendee, "ROLE")).isEqualTo("REQ-PARTICIPANT");
        assertThat(param(attendee, "PARTSTAT")).isEqualTo("NEEDS-ACTION");
        assertThat(param(attendee, "RSVP")).isEqualTo("TRUE");
        assertThat(value(event, "URL")).isEqualTo(LINK.toString());
        assertThat(value(event, "STATUS")).isEqualTo("CONFIRMED");
        String description = value(event, "DESCRIPTION");
        assertThat(description)
                .contains(LINK.toString())
                .contains("Your personal link")
                .contains("Ihr persönlicher Link");
        assertThat(description.indexOf("Your personal link")).isLessThan(description.indexOf("Ihr persönlicher Link"));
    }

    @Test
    void anInvitationRemindsItsGuestBeforeTheStartAndACancelDoesNot() throws Exception {
        GuestMeeting meeting = GuestMeeting.of(Fixtures.meeting("m1abc", "Q3 review", START, END));

        VEvent invite = onlyEvent(parse(builder.build(MailPurpose.INVITE, meeting, anna, LINK, Language.EN)));
        VEvent cancel = onlyEvent(parse(builder.build(MailPurpose.CANCEL, meeting, anna, null, Language.EN)));
        IcsBuilder without = new IcsBuilder(
                Clock.fixed(NOW, ZoneOffset.UTC),
                "guestgate.example.com",
                "invitations@guestgate.example.com",
                java.time.Duration.ZERO);

        java.util.List<net.fortuna.ical4j.model.component.VAlarm> alarms = invite.getAlarms();
        assertThat(alarms).singleElement().satisfies(alarm -> {
            assertThat(value(alarm.getProperties(), "ACTION")).isEqualTo("DISPLAY");
            assertThat(value(alarm.getProperties(), "TRIGGER")).isEqualTo("-PT15M");
            assertThat(value(alarm.getProperties(), "DESCRIPTION")).contains("Q3 review");
        });
        assertThat(cancel.getAlarms()).isEmpty();
        assertThat(onlyEvent(parse(without.build(MailPurpose.INVITE, meeting, anna, LINK, Language.EN)))
                        .getAlarms())
                .as("a reminder of zero turns it off")
                .isEmpty();
    }

    @Test
    void germanGuestsReadGermanFirst() throws Exception {
        GuestMeeting meeting = GuestMeeting.of(Fixtures.meeting("m1abc", "Q3 review", START, END));

        String description = value(
                onlyEvent(parse(builder.build(MailPurpose.INVITE, meeting, anna, LINK, Language.DE))), "DESCRIPTION");

        assertThat(description.indexOf("Ihr persönlicher Link")).isLessThan(description.indexOf("Your personal link"));
    }

    @Test
    void cancelKeepsTheUidAndCarriesNoLink() throws Exception {
        Meeting cancelled = Fixtures.meeting("m1abc", "Q3 review", START, END).cancelled();

        String ics = builder.build(MailPurpose.CANCEL, GuestMeeting.of(cancelled), anna, LINK, Language.EN);
        Calendar calendar = parse(ics);

        assertThat(value(calendar.getProperties(), "METHOD")).isEqualTo("CANCEL");
        VEvent event = onlyEvent(calendar);
        assertThat(value(event, "UID")).isEqualTo("m1abc@guestgate.example.com");
        assertThat(value(event, "SEQUENCE")).isEqualTo("1");
        assertThat(value(event, "STATUS")).isEqualTo("CANCELLED");
        assertThat(event.getProperty("URL")).isEmpty();
        assertThat(ics).doesNotContain("/join/");
    }

    @Test
    void theOrganizersOwnEntrySharesTheUidAndCarriesNoGuestAndNoLink() throws Exception {
        Meeting moved = Fixtures.meeting("m1abc", "Q3 review", START, END).rescheduled("Q3 review (final)", START, END);
        Invitee organizer = new Invitee("Olivia Organizer", "olivia@example.com");

        String ics = builder.build(MailPurpose.ORGANIZER_COPY, GuestMeeting.of(moved), organizer, LINK, Language.DE);
        Calendar calendar = parse(ics);

        assertThat(value(calendar.getProperties(), "METHOD")).isEqualTo("REQUEST");
        VEvent event = onlyEvent(calendar);
        assertThat(value(event, "UID")).isEqualTo("m1abc@guestgate.example.com");
        assertThat(value(event, "SEQUENCE")).isEqualTo("1");
        assertThat(value(event, "SUMMARY")).isEqualTo("Q3 review (final)");
        assertThat(value(event, "STATUS")).isEqualTo("CONFIRMED");
        List<Property> attendees = event.getProperties("ATTENDEE");
        assertThat(attendees).singleElement().satisfies(attendee -> {
            assertThat(attendee.getValue()).isEqualTo("mailto:olivia@example.com");
            assertThat(param(attendee, "ROLE")).isEqualTo("CHAIR");
            assertThat(param(attendee, "PARTSTAT")).isEqualTo("ACCEPTED");
            assertThat(param(attendee, "RSVP")).isEqualTo("FALSE");
        });
        assertThat(event.getProperty("URL")).isEmpty();
        assertThat(event.getProperty("LOCATION")).isEmpty();
        assertThat(unfold(ics)).doesNotContain("/join/", LINK.toString());
        assertThat(value(event, "DESCRIPTION"))
                .startsWith("Starten Sie das Meeting")
                .contains("Start the meeting");
        assertThat(event.getAlarms()).hasSize(1);

        Calendar cancelled = parse(builder.build(
                MailPurpose.ORGANIZER_CANCEL, GuestMeeting.of(moved.cancelled()), organizer, null, Language.EN));
        assertThat(value(cancelled.getProperties(), "METHOD")).isEqualTo("CANCEL");
        assertThat(value(onlyEvent(cancelled), "UID")).isEqualTo("m1abc@guestgate.example.com");
        assertThat(value(onlyEvent(cancelled), "SEQUENCE")).isEqualTo("2");
    }

    @Test
    void sequenceFollowsTheMeeting() throws Exception {
        Meeting moved = Fixtures.meeting("m1abc", "Q3 review", START, END)
                .rescheduled("Q3 review", START.plusSeconds(3600), END.plusSeconds(3600));

        VEvent event =
                onlyEvent(parse(builder.build(MailPurpose.UPDATE, GuestMeeting.of(moved), anna, LINK, Language.EN)));

        assertThat(value(event, "SEQUENCE")).isEqualTo("1");
        assertThat(value(event, "DTSTART")).isEqualTo("20300304T110000");
    }

    @Test
    void neverCarriesWebexDetails() {
        Meeting meeting = Fixtures.meeting("m1abc", "Q3 review", START, END);
        for (MailPurpose kind : MailPurpose.values()) {
            String ics = unfold(builder.build(kind, GuestMeeting.of(meeting), anna, LINK, Language.EN));
            assertThat(ics)
                    .doesNotContain(
                            Fixtures.WEBEX_LINK,
                            Fixtures.MEETING_NUMBER,
                            Fixtures.SIP_ADDRESS,
                            "webex.com",
                            "webex-m1abc");
        }
    }

    @Test
    void lineBreaksInTitlesAndNamesCannotAddProperties() throws Exception {
        Meeting meeting = Fixtures.meeting(
                "m1abc",
                "person-1",
                "Eve\r\nATTENDEE:mailto:x@evil.test",
                "olga@corp.example",
                "Review\r\nBcc: x@evil.test\r\nEND:VEVENT\r\nBEGIN:VEVENT",
                START,
                END);

        String ics = builder.build(MailPurpose.INVITE, GuestMeeting.of(meeting), anna, LINK, Language.EN);
        Calendar calendar = parse(ics);

        VEvent event = onlyEvent(calendar);
        assertThat(event.getProperties("ATTENDEE")).hasSize(1);
        assertThat(value(event, "SUMMARY")).isEqualTo("Review Bcc: x@evil.test END:VEVENT BEGIN:VEVENT");
        assertThat(param(event.getProperty("ORGANIZER").orElseThrow(), "CN"))
                .isEqualTo("Eve ATTENDEE:mailto:x@evil.test");
        assertThat(ics.lines())
                .noneMatch(line -> line.startsWith("Bcc") || line.startsWith("ATTENDEE:"))
                .filteredOn(line -> line.equals("BEGIN:VEVENT"))
                .hasSize(1);
    }

    @Test
    void separatorsAndQuotesInNamesStayInsideTheName() throws Exception {
        Invitee tricky = new Invitee("Müller; Anna, \"Dr.\": ROLE=CHAIR", "anna@guest.example");

        VEvent event = onlyEvent(parse(builder.build(
                MailPurpose.INVITE,
                GuestMeeting.of(Fixtures.meeting("m1abc", "a;b,c\\d", START, END)),
                tricky,
                LINK,
                Language.EN)));

        Property attendee = event.getProperty("ATTENDEE").orElseThrow();
        assertThat(param(attendee, "CN")).isEqualTo("Müller; Anna, 'Dr.': ROLE=CHAIR");
        assertThat(param(attendee, "ROLE")).isEqualTo("REQ-PARTICIPANT");
        assertThat(attendee.getParameters("ROLE")).hasSize(1);
        assertThat(attendee.getValue()).isEqualTo("mailto:anna@guest.example");
        assertThat(value(event, "SUMMARY")).isEqualTo("a;b,c\\d");
    }

    @Test
    void longTitlesAreFoldedNotCut() throws Exception {
        String title = "Ä€".repeat(50) + "😀".repeat(50) + "x".repeat(300);

        String ics = builder.build(
                MailPurpose.INVITE,
                GuestMeeting.of(Fixtures.meeting("m1abc", title, START, END)),
                anna,
                LINK,
                Language.EN);

        assertThat(ics.split("\r\n")).allMatch(line -> line.getBytes(StandardCharsets.UTF_8).length <= 75);
        assertThat(value(onlyEvent(parse(ics)), "SUMMARY")).isEqualTo(title);
    }

    @Test
    void zonesWithoutADefinitionFallBackToUtc() throws Exception {
        Meeting meeting = Fixtures.meeting("m1abc", "Q3 review", START, END);
        Meeting offsetZone = new Meeting(
                meeting.id(),
                meeting.organizer(),
                meeting.title(),
                START,
                END,
                ZoneId.of("+02:00"),
                meeting.webex(),
                0,
                meeting.status(),
                meeting.createdAt());

        Calendar calendar =
                parse(builder.build(MailPurpose.INVITE, GuestMeeting.of(offsetZone), anna, LINK, Language.EN));

        assertThat(calendar.getComponents("VTIMEZONE")).isEmpty();
        assertThat(value(onlyEvent(calendar), "DTSTART")).isEqualTo("20300304T090000Z");
    }

    @Test
    void anInvitationNeedsALink() {
        GuestMeeting meeting = GuestMeeting.of(Fixtures.meeting("m1abc", "Q3 review", START, END));

        assertThatThrownBy(() -> builder.build(MailPurpose.INVITE, meeting, anna, null, Language.EN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static VEvent onlyEvent(Calendar calendar) {
        List<CalendarComponent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return (VEvent) events.get(0);
    }

    private static String value(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static String value(List<Property> properties, String name) {
        return properties.stream()
                .filter(p -> p.getName().equals(name))
                .map(Property::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String param(Property property, String name) {
        return property.getParameter(name).map(Parameter::getValue).orElse(null);
    }

    private static String unfold(String ics) {
        return ics.replace("\r\n ", "").replace("\r\n\t", "");
    }
}
