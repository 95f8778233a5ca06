package io.guestgate.bot.invite;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.guestgate.bot.command.Command;
import io.guestgate.bot.command.CommandParser;
import io.guestgate.bot.command.CommandRegistry;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.VerifiedIdentity;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Mail beyond the invitation itself. The organizer's own calendar entry, end to end from chat: {@code create} sends it, {@code add} does not, {@code
 * rename} updates it with the guests' SEQUENCE and {@code cancel} cancels it. It shares the UID of the guests' entries
 * and carries none of their links, nor anything of Webex's. And the reminder, an hour before the start here, to
 * guests who have not confirmed their identity by then.
 */
class CalendarAndRemindersTest {

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @RegisterExtension
    static final WebexEmulatorExtension WEBEX = WebexEmulatorExtension.withDefaults();

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static String prefix;
    private static ConfigurableApplicationContext context;
    private static EmulatorSeed.Person olivia;

    @BeforeAll
    static void start() {
        prefix = InviteTestWorld.uniquePrefix();
        Map<String, Object> properties =
                InviteTestWorld.properties(prefix, WEBEX.get(), SMTP.getSmtp().getPort());
        properties.put("guestgate.public-base-url", "http://localhost:8080");
        properties.put("guestgate.webex.integration.redirect-uri", "http://localhost:8080/oauth/webex/callback");
        properties.put("guestgate.mail.unverified-reminder", "1h");
        context = InviteTestWorld.start(properties);
        olivia = WEBEX.get().seed().organizer();
        InviteTestWorld.link(context, WEBEX.get(), olivia);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
            InviteTestWorld.deleteKeys(prefix);
        }
    }

    @Test
    void theOrganizersEntryFollowsTheMeetingFromCreateToCancel() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        assertThat(say("create Board review | tomorrow 10:00 | 45m"))
                .singleElement()
                .extracting(Reply::markdown)
                .asString()
                .startsWith("Created **Board review**");
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        Meeting meeting = context.getBean(MeetingStore.class)
                .upcomingFor(olivia.id())
                .filter(found -> found.title().equals("Board review"))
                .blockFirst(WAIT);
        MimeMessage created = onlyMailTo(olivia.email());
        assertThat(created.getSubject()).isEqualTo("Your meeting: Board review");
        VEvent entry = MailAssertions.eventOf(created);
        assertThat(MailAssertions.method(created)).isEqualTo("REQUEST");
        assertThat(MailAssertions.property(entry, "UID")).isEqualTo(meeting.id() + "@localhost");
        assertThat(MailAssertions.property(entry, "SEQUENCE")).isEqualTo("0");
        assertThat(Instant.from(entry.getStartDate().orElseThrow().getDate())).isEqualTo(meeting.start());
        MailAssertions.carriesNoWebexDetail(created);
        assertThat(RawMail.whole(created)).doesNotContain("/join/");

        // Guests are added: the organizer's entry does not change, and carries none of their links.
        SMTP.purgeEmailFromAllMailboxes();
        say("add nina@guest.example to " + meeting.webex().meetingNumber());
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> assertThat(InviteTestWorld.messagesTo(WEBEX.get(), olivia.id()))
                        .contains("1 invitation sent for \"Board review\"."));
        assertThat(recipients()).containsExactly("nina@guest.example");
        String guestLink = MailAssertions.linkToken(onlyMailTo("nina@guest.example"));

        SMTP.purgeEmailFromAllMailboxes();
        say("rename " + meeting.webex().meetingNumber() + " to Board review (final)");
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 2)).isTrue();
        assertThat(recipients()).containsExactlyInAnyOrder("nina@guest.example", olivia.email());
        MimeMessage renamed = onlyMailTo(olivia.email());
        VEvent update = MailAssertions.eventOf(renamed);
        assertThat(MailAssertions.property(update, "UID")).isEqualTo(meeting.id() + "@localhost");
        assertThat(MailAssertions.property(update, "SEQUENCE")).isEqualTo("1");
        assertThat(MailAssertions.property(update, "SUMMARY")).isEqualTo("Board review (final)");
        assertThat(MailAssertions.property(MailAssertions.eventOf(onlyMailTo("nina@guest.example")), "SEQUENCE"))
                .isEqualTo("1");
        assertThat(RawMail.whole(renamed)).doesNotContain("/join/", guestLink);

        SMTP.purgeEmailFromAllMailboxes();
        say("absagen " + meeting.webex().meetingNumber());
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 2)).isTrue();
        MimeMessage cancelled = onlyMailTo(olivia.email());
        assertThat(cancelled.getSubject()).isEqualTo("Abgesagt: Board review (final)");
        assertThat(MailAssertions.method(cancelled)).isEqualTo("CANCEL");
        VEvent cancel = MailAssertions.eventOf(cancelled);
        assertThat(MailAssertions.property(cancel, "UID")).isEqualTo(meeting.id() + "@localhost");
        assertThat(MailAssertions.property(cancel, "SEQUENCE")).isEqualTo("2");
    }

    @Test
    void aGuestWhoHasNotVerifiedAnHourBeforeTheStartGetsAReminderWithAFreshLink() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        // Due 15 s from now: time enough for Pia to verify first.
        Meeting meeting = InviteTestWorld.storeMeeting(
                context,
                WEBEX.get(),
                "Soon",
                Instant.now().plus(Duration.ofHours(1)).plusSeconds(15),
                Duration.ofMinutes(30));
        context.getBean(GuestAdder.class)
                .add(
                        meeting,
                        List.of(
                                new Command.Participant(Optional.of("Otto"), "otto@guest.example"),
                                new Command.Participant(Optional.of("Pia"), "pia@guest.example")),
                        Language.EN)
                .blockLast(WAIT);
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 2)).isTrue();
        String ottosFirstLink = MailAssertions.linkToken(onlyMailTo("otto@guest.example"));
        Invitation pia = context.getBean(InvitationStore.class)
                .findInvited(meeting.id(), "pia@guest.example")
                .block(WAIT);
        context.getBean(InvitationStore.class)
                .bind(
                        pia.id(),
                        new VerifiedIdentity(
                                "https://idp.example", "pia", "Pia", "pia@guest.example", true, null, "ich.app"))
                .block(WAIT);

        org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .untilAsserted(() -> assertThat(InviteTestWorld.messagesTo(WEBEX.get(), olivia.id()))
                        .contains("1 reminder sent for \"Soon\". (1 no longer needed.)"));

        assertThat(recipients())
                .containsExactlyInAnyOrder("otto@guest.example", "pia@guest.example", "otto@guest.example");
        MimeMessage reminder = Arrays.stream(SMTP.getReceivedMessages())
                .filter(mail -> subject(mail).equals("Reminder: Soon"))
                .findFirst()
                .orElseThrow();
        assertThat(recipient(reminder)).isEqualTo("otto@guest.example");
        assertThat(MailAssertions.method(reminder)).isEqualTo("REQUEST");
        assertThat(MailAssertions.property(MailAssertions.eventOf(reminder), "SEQUENCE"))
                .isEqualTo("0");
        String reminderLink = MailAssertions.linkToken(reminder);
        assertThat(reminderLink).isNotEqualTo(ottosFirstLink);
        assertThat(context.getBean(InvitationStore.class)
                        .findByToken(reminderLink)
                        .block(WAIT)
                        .invitee()
                        .email())
                .isEqualTo("otto@guest.example");
    }

    private static List<Reply> say(String text) {
        var command = context.getBean(CommandParser.class).parse(text);
        Conversation conversation =
                new Conversation(olivia.id(), olivia.email(), "room-of-" + olivia.id(), false, Optional.empty());
        return context.getBean(CommandRegistry.class)
                .dispatch(command, conversation)
                .orElseThrow()
                .collectList()
                .block(WAIT);
    }

    private static List<String> recipients() {
        return Arrays.stream(SMTP.getReceivedMessages())
                .map(CalendarAndRemindersTest::recipient)
                .toList();
    }

    private static MimeMessage onlyMailTo(String address) {
        List<MimeMessage> mails = Arrays.stream(SMTP.getReceivedMessages())
                .filter(mail -> recipient(mail).equals(address))
                .toList();
        assertThat(mails).as("mails to " + address).hasSize(1);
        return mails.get(0);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage mail) {
        try {
            return MailAssertions.recipient(mail);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
