package io.guestgate.bot.invite.outbox;

import static io.guestgate.bot.invite.MailAssertions.eventOf;
import static io.guestgate.bot.invite.MailAssertions.property;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.InviteTestWorld;
import io.guestgate.bot.invite.MailAssertions;
import io.guestgate.bot.invite.RawMail;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.domain.invitation.AddResult;
import io.guestgate.domain.invitation.DeliveryStatus;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.emulator.WebexEmulatorExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The outbox end to end: Redis Stream → worker → GreenMail, with the organizer's report in the emulator. */
class OutboxDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @RegisterExtension
    static final WebexEmulatorExtension WEBEX = WebexEmulatorExtension.withDefaults();

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static String prefix;
    private static ConfigurableApplicationContext context;
    private static OutboxRedis outbox;

    @BeforeAll
    static void start() {
        prefix = InviteTestWorld.uniquePrefix();
        context = InviteTestWorld.start(
                InviteTestWorld.properties(prefix, WEBEX.get(), SMTP.getSmtp().getPort()));
        outbox = new OutboxRedis(prefix);
    }

    @AfterAll
    static void stop() {
        if (outbox != null) {
            outbox.close();
        }
        if (context != null) {
            context.close();
            InviteTestWorld.deleteKeys(prefix);
        }
    }

    @BeforeEach
    void emptyMailbox() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
    }

    @Test
    void sendsEveryGuestAPersonalLinkAndTellsTheOrganizerOnce() throws Exception {
        Meeting meeting = meeting("Q3 review");
        List<Invitation> invited = invite(
                meeting,
                "Anna Müller",
                "anna@guest.example",
                "Bob Brown",
                "bob@guest.example",
                "Chris Clark",
                "chris@guest.example");

        enqueue(meeting, MailPurpose.INVITE, Language.EN, invited);

        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 3)).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(3);
        InvitationStore invitations = context.getBean(InvitationStore.class);
        for (MimeMessage mail : received) {
            MailAssertions.carriesNoWebexDetail(mail);
            assertThat(MailAssertions.method(mail)).isEqualTo("REQUEST");
            VEvent event = eventOf(mail);
            assertThat(property(event, "UID")).isEqualTo(meeting.id() + "@guestgate.example.com");
            assertThat(property(event, "SEQUENCE")).isEqualTo("0");
            assertThat(MailAssertions.personalLink(mail).toString()).startsWith("https://guestgate.example.com/join/");
            // The link in the mail opens exactly this guest's invitation.
            Invitation opened =
                    invitations.findByToken(MailAssertions.linkToken(mail)).block(WAIT);
            assertThat(opened).isNotNull();
            assertThat(opened.invitee().email()).isEqualTo(MailAssertions.recipient(mail));
            assertThat(RawMail.text(RawMail.leafOfType(mail, "text/plain")))
                    .contains(opened.invitee().name());
        }
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(invited)
                        .allSatisfy(invitation -> assertThat(invitations
                                        .findById(invitation.id())
                                        .block(WAIT)
                                        .delivery())
                                .isEqualTo(DeliveryStatus.DELIVERED)));
        String organizer = WEBEX.get().seed().organizer().id();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(InviteTestWorld.messagesTo(WEBEX.get(), organizer))
                        .filteredOn(text -> text.contains("Q3 review"))
                        .containsExactly("3 invitations sent for \"Q3 review\"."));
        assertThat(pendingEntries()).isZero();
    }

    @Test
    void anUpdateKeepsTheUidRaisesTheSequenceAndCarriesTheNewTime() throws Exception {
        Meeting meeting = meeting("Planning");
        List<Invitation> invited = invite(meeting, "Dora Diaz", "dora@guest.example");
        enqueue(meeting, MailPurpose.INVITE, Language.DE, invited);
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();

        Meeting moved = meeting.rescheduled(
                meeting.title(),
                meeting.start().plus(Duration.ofDays(1)),
                meeting.end().plus(Duration.ofDays(1)));
        context.getBean(MeetingStore.class).save(moved).block(WAIT);
        enqueue(moved, MailPurpose.UPDATE, Language.DE, invited);

        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 2)).isTrue();
        MimeMessage first = SMTP.getReceivedMessages()[0];
        MimeMessage update = SMTP.getReceivedMessages()[1];
        assertThat(property(eventOf(update), "UID")).isEqualTo(property(eventOf(first), "UID"));
        assertThat(property(eventOf(first), "SEQUENCE")).isEqualTo("0");
        assertThat(property(eventOf(update), "SEQUENCE")).isEqualTo("1");
        assertThat(Instant.from(eventOf(update).getStartDate().orElseThrow().getDate()))
                .isEqualTo(moved.start());
        assertThat(update.getSubject()).isEqualTo("Geänderte Einladung: Planning");
        String organizer = WEBEX.get().seed().organizer().id();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(InviteTestWorld.messagesTo(WEBEX.get(), organizer))
                        .contains("1 Änderung für „Planning“ gesendet."));
    }

    @Test
    void aGuestRemovedBeforeTheInvitationWentOutGetsNoLink() throws Exception {
        Meeting meeting = meeting("Withdrawn");
        List<Invitation> invited = invite(meeting, "Eve Early", "eve@guest.example");
        context.getBean(InvitationStore.class).revoke(invited.get(0).id()).block(WAIT);

        enqueue(meeting, MailPurpose.INVITE, Language.EN, invited);

        await().atMost(WAIT).until(() -> pendingEntries() == 0 && streamLength() == 0);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    private static Meeting meeting(String title) {
        return InviteTestWorld.storeMeeting(
                context,
                WEBEX.get(),
                title,
                Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS),
                Duration.ofMinutes(45));
    }

    private static List<Invitation> invite(Meeting meeting, String... namesAndEmails) {
        List<Invitation> invitations = new ArrayList<>();
        for (int i = 0; i < namesAndEmails.length; i += 2) {
            AddResult result = context.getBean(InvitationStore.class)
                    .add(meeting, new Invitee(namesAndEmails[i], namesAndEmails[i + 1]))
                    .block(WAIT);
            invitations.add(result.invitation());
        }
        return invitations;
    }

    private static void enqueue(Meeting meeting, MailPurpose purpose, Language language, List<Invitation> invitations) {
        context.getBean(Outbox.class)
                .enqueue(new OutboxBatch(
                        meeting.organizer().personId(),
                        meeting.id(),
                        meeting.title(),
                        purpose,
                        language,
                        invitations.stream().map(Invitation::id).toList()))
                .block(WAIT);
    }

    private static long pendingEntries() {
        return outbox.pending();
    }

    private static long streamLength() {
        return outbox.streamLength();
    }
}
