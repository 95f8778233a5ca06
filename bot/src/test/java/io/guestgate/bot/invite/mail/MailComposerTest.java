package io.guestgate.bot.invite.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.Fixtures;
import io.guestgate.bot.invite.RawMail;
import io.guestgate.bot.invite.content.GuestMeeting;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.bot.invite.ics.IcsBuilder;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.meeting.Meeting;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Composes real MIME messages and sends them through a real SMTP server (GreenMail) to look at what arrives. */
class MailComposerTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Instant START = Instant.parse("2030-03-04T09:00:00Z");
    private static final Instant END = Instant.parse("2030-03-04T10:30:00Z");
    private static final URI LINK =
            URI.create("https://guestgate.example.com/join/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-03-01T08:00:00Z"), ZoneOffset.UTC);

    private final MailComposer composer = new MailComposer(
            new IcsBuilder(CLOCK, "guestgate.example.com", "invitations@guestgate.example.com"),
            "invitations@guestgate.example.com",
            "GuestGate",
            CLOCK);
    private final Invitee anna = new Invitee("Anna Müller", "anna@guest.example");

    @Test
    void jakartaMailFindsItsStreamProviderByNameNotByScanningEveryJar() throws Exception {
        assertThat(System.getProperty(MailComposer.STREAM_PROVIDER_PROPERTY))
                .isEqualTo(MailComposer.ANGUS_STREAM_PROVIDER);
        // The name must be right: Jakarta Mail instantiates it for every body part.
        assertThat(jakarta.mail.util.StreamProvider.provider().getClass().getName())
                .isEqualTo(MailComposer.ANGUS_STREAM_PROVIDER);
    }

    @Test
    void invitationHasTextHtmlCalendarAndAttachment() throws Exception {
        MimeMessage received = sendAndReceive(new GuestMail(
                MailPurpose.INVITE,
                GuestMeeting.of(Fixtures.meeting("m1abc", "Q3 review", START, END)),
                anna,
                LINK,
                Language.EN));

        assertThat(received.getContentType()).startsWith("multipart/mixed");
        Multipart mixed = (Multipart) received.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getCount()).isEqualTo(3);
        assertThat(alternative.getBodyPart(0).getContentType())
                .startsWith("text/plain")
                .contains("UTF-8");
        assertThat(alternative.getBodyPart(1).getContentType())
                .startsWith("text/html")
                .contains("UTF-8");
        assertThat(alternative.getBodyPart(2).getContentType().replace(" ", ""))
                .isEqualToIgnoringCase("text/calendar;method=REQUEST;charset=UTF-8");
        BodyPart attachment = mixed.getBodyPart(1);
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("invite.ics");
        String calendarPart = RawMail.text(alternative.getBodyPart(2));
        assertThat(RawMail.text(attachment)).isEqualTo(calendarPart);

        VEvent event = (VEvent) parse(calendarPart).getComponents("VEVENT").get(0);
        assertThat(event.getProperty("URL").map(Property::getValue)).hasValue(LINK.toString());
        assertThat(RawMail.text(alternative.getBodyPart(0)))
                .contains(LINK.toString())
                .contains("Hello Anna Müller");
        assertThat(RawMail.text(alternative.getBodyPart(1))).contains("href=\"" + LINK + "\"");

        assertThat(received.getSubject()).isEqualTo("Invitation: Q3 review");
        assertThat(((InternetAddress) received.getFrom()[0]).getAddress())
                .isEqualTo("invitations@guestgate.example.com");
        assertThat(((InternetAddress) received.getReplyTo()[0]).getAddress()).isEqualTo("olga@corp.example");
        assertThat(((InternetAddress) received.getReplyTo()[0]).getPersonal()).isEqualTo("Olga Organizer");
        assertThat(((InternetAddress) received.getAllRecipients()[0]).getAddress())
                .isEqualTo("anna@guest.example");
    }

    @Test
    void subjectAndBodyFollowTheLanguage() throws Exception {
        GuestMeeting meeting = GuestMeeting.of(Fixtures.meeting("m1abc", "Quartalsbericht", START, END));

        MimeMessage received = sendAndReceive(new GuestMail(MailPurpose.INVITE, meeting, anna, LINK, Language.DE));

        assertThat(received.getSubject()).isEqualTo("Einladung: Quartalsbericht");
        String plain = RawMail.text(RawMail.leafOfType(received, "text/plain"));
        assertThat(plain).contains("Hallo Anna Müller").contains("Montag, 4. März 2030, 10:00–11:30 (Europe/Vienna)");
    }

    @Test
    void cancellationUsesMethodCancelAndCarriesNoLink() throws Exception {
        Meeting cancelled = Fixtures.meeting("m1abc", "Q3 review", START, END).cancelled();

        MimeMessage received =
                sendAndReceive(new GuestMail(MailPurpose.CANCEL, GuestMeeting.of(cancelled), anna, LINK, Language.EN));

        assertThat(received.getSubject()).isEqualTo("Cancelled: Q3 review");
        BodyPart calendarPart = RawMail.leafOfType(received, "text/calendar");
        assertThat(calendarPart.getContentType().replace(" ", "")).containsIgnoringCase("method=CANCEL");
        Calendar calendar = parse(RawMail.text(calendarPart));
        assertThat(calendar.getProperty("METHOD").map(Property::getValue)).hasValue("CANCEL");
        assertThat(RawMail.whole(received)).doesNotContain("/join/");
    }

    @Test
    void theWholeRawMailCarriesNoWebexDetail() throws Exception {
        Meeting meeting = Fixtures.meeting("m1abc", "Q3 review", START, END);
        for (MailPurpose purpose : MailPurpose.values()) {
            MimeMessage received =
                    sendAndReceive(new GuestMail(purpose, GuestMeeting.of(meeting), anna, LINK, Language.EN));
            String raw = decodedEverything(received);
            assertThat(raw)
                    .doesNotContain(
                            Fixtures.WEBEX_LINK,
                            Fixtures.MEETING_NUMBER,
                            Fixtures.SIP_ADDRESS,
                            Fixtures.PASSWORD,
                            "webex.com");
            SMTP.purgeEmailFromAllMailboxes();
        }
    }

    @Test
    void lineBreaksInTitlesAndNamesCannotAddHeaders() throws Exception {
        Meeting meeting = Fixtures.meeting(
                "m1abc",
                "person-1",
                "Eve\r\nBcc: boss@evil.test",
                "olga@corp.example",
                "Review\r\nBcc: x@evil.test\r\nX-Injected: yes",
                START,
                END);
        Invitee tricky = new Invitee("Müller; Anna, \"Dr.\" <anna@evil.test>", "anna@guest.example");

        MimeMessage received =
                sendAndReceive(new GuestMail(MailPurpose.INVITE, GuestMeeting.of(meeting), tricky, LINK, Language.EN));

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        List<String> headers = RawMail.headerNames(received);
        assertThat(headers).doesNotContain("bcc", "x-injected");
        assertThat(headers.stream().filter("subject"::equals)).hasSize(1);
        assertThat(headers.stream().filter("to"::equals)).hasSize(1);
        assertThat(received.getSubject()).isEqualTo("Invitation: Review Bcc: x@evil.test X-Injected: yes");
        assertThat(received.getAllRecipients()).hasSize(1);
        InternetAddress to = (InternetAddress) received.getRecipients(jakarta.mail.Message.RecipientType.TO)[0];
        assertThat(to.getAddress()).isEqualTo("anna@guest.example");
        assertThat(to.getPersonal()).isEqualTo("Müller; Anna, \"Dr.\" <anna@evil.test>");
        InternetAddress replyTo = (InternetAddress) received.getReplyTo()[0];
        assertThat(replyTo.getAddress()).isEqualTo("olga@corp.example");
        assertThat(received.getReplyTo()).hasSize(1);

        Calendar calendar = parse(RawMail.text(RawMail.leafOfType(received, "text/calendar")));
        assertThat(calendar.getComponents("VEVENT")).hasSize(1);
        VEvent event = (VEvent) calendar.getComponents("VEVENT").get(0);
        assertThat(event.getProperties("ATTENDEE")).hasSize(1);
        assertThat(event.getProperty("SUMMARY").map(Property::getValue))
                .hasValue("Review Bcc: x@evil.test X-Injected: yes");
    }

    @Test
    void htmlEscapesWhatOrganizersAndGuestsTyped() throws Exception {
        Meeting meeting = Fixtures.meeting("m1abc", "<script>alert(1)</script> & more", START, END);

        MimeMessage received = sendAndReceive(new GuestMail(
                MailPurpose.INVITE,
                GuestMeeting.of(meeting),
                new Invitee("<b>Bob</b>", "bob@guest.example"),
                LINK,
                Language.EN));

        String html = RawMail.text(RawMail.leafOfType(received, "text/html"));
        assertThat(html)
                .doesNotContain("<script>", "<b>Bob</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")
                .contains("&lt;b&gt;Bob&lt;/b&gt;");
    }

    @Test
    void longTitlesStayInOneSubjectHeader() throws Exception {
        String title = "Quartalsüberprüfung ".repeat(25);

        MimeMessage received = sendAndReceive(new GuestMail(
                MailPurpose.INVITE,
                GuestMeeting.of(Fixtures.meeting("m1abc", title, START, END)),
                anna,
                LINK,
                Language.DE));

        assertThat(RawMail.headerNames(received).stream().filter("subject"::equals))
                .hasSize(1);
        assertThat(received.getSubject())
                .startsWith("Einladung: Quartalsüberprüfung")
                .endsWith("…")
                .hasSizeLessThanOrEqualTo(200);
        assertThat(RawMail.whole(received).split("\r\n")).allMatch(line -> line.length() <= 998);
    }

    private MimeMessage sendAndReceive(GuestMail mail) throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(SMTP.getSmtp().getPort());
        MimeMessage message = sender.createMimeMessage();
        composer.compose(mail, message);
        sender.send(message);
        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        return received[received.length - 1];
    }

    /** The raw mail plus every part decoded, so a detail hidden by base64 or quoted-printable would show too. */
    private static String decodedEverything(MimeMessage message) throws Exception {
        StringBuilder all = new StringBuilder(RawMail.whole(message));
        for (BodyPart part : RawMail.leaves(message)) {
            all.append('\n').append(RawMail.text(part));
        }
        return all.toString().replace("\r\n ", "");
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }
}
