package io.guestgate.bot.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.guestgate.bot.command.CardSubmission;
import io.guestgate.bot.command.Command;
import io.guestgate.bot.command.CommandParser;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.meeting.LockedDownMeetings;
import io.guestgate.bot.meeting.MeetingCards;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStatus;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStatus;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.oauth.AccessToken;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The invitation commands against the Webex emulator, real Redis and GreenMail: what guests receive, what Webex is
 * asked to do, and what happens to the links.
 */
class InvitationCommandsTest {

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @RegisterExtension
    static final WebexEmulatorExtension WEBEX = WebexEmulatorExtension.withDefaults();

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    private static String prefix;
    private static ConfigurableApplicationContext context;
    private static EmulatorSeed.Person olivia;
    private static EmulatorSeed.Person peter;

    @BeforeAll
    static void start() {
        prefix = InviteTestWorld.uniquePrefix();
        Map<String, Object> properties =
                InviteTestWorld.properties(prefix, WEBEX.get(), SMTP.getSmtp().getPort());
        properties.put("guestgate.public-base-url", "http://localhost:8080");
        properties.put("guestgate.webex.integration.redirect-uri", "http://localhost:8080/oauth/webex/callback");
        // The guests' mails are counted exactly here; the organizer's own entry has OrganizerCalendarTest.
        properties.put("guestgate.mail.organizer-copy", "false");
        context = InviteTestWorld.start(properties);
        olivia = WEBEX.get().seed().organizer();
        peter = WEBEX.get().seed().secondPerson();
        InviteTestWorld.link(context, WEBEX.get(), olivia);
    }

    @AfterAll
    static void stop() {
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
    void addInvitesEachNewAddressOnceAndSaysWhatItSkipped() throws Exception {
        Meeting meeting = webexMeeting("Kick-off", Duration.ofDays(2));

        List<Reply> first = run(
                olivia,
                "add Anna Müller <anna@guest.example>, bob@guest.example to "
                        + meeting.webex().meetingNumber());
        assertThat(first)
                .singleElement()
                .extracting(Reply::markdown)
                .asString()
                .startsWith("Inviting 2 guests to **Kick-off**");
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 2)).isTrue();

        List<Reply> again = run(
                olivia,
                "add ANNA@guest.example, carla@guest.example to "
                        + meeting.webex().meetingNumber());
        assertThat(again)
                .singleElement()
                .extracting(Reply::markdown)
                .asString()
                .startsWith("Inviting 1 guest to **Kick-off**")
                .contains("Already invited, not added again: anna@guest.example");
        // Both batches settled: nothing more is on its way.
        awaitReports("2 invitations sent for \"Kick-off\".", "1 invitation sent for \"Kick-off\".");
        assertThat(recipients())
                .containsExactlyInAnyOrder("anna@guest.example", "bob@guest.example", "carla@guest.example");
        for (MimeMessage mail : SMTP.getReceivedMessages()) {
            MailAssertions.carriesNoWebexDetail(mail);
            carriesNothingOf(mail, emulatorMeeting(meeting));
        }
    }

    @Test
    void addWithoutAReferenceTargetsTheNextUpcomingMeeting() throws Exception {
        Meeting later = webexMeeting("Later one", Duration.ofDays(20));
        Meeting sooner = webexMeeting("Sooner one", Duration.ofHours(3));

        List<Reply> replies = run(olivia, "hinzufügen Dora Diaz <dora@guest.example>");

        assertThat(replies)
                .singleElement()
                .extracting(Reply::markdown)
                .asString()
                .startsWith("Ich lade 1 Gast zu **Sooner one**");
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("Einladung: Sooner one");
        assertThat(invitations(later)).isEmpty();
        assertThat(invitations(sooner)).hasSize(1);
    }

    @Test
    void removeRevokesTheLinkAndSendsThatGuestACancel() throws Exception {
        Meeting meeting = webexMeeting("Budget", Duration.ofDays(3));
        run(
                olivia,
                "add erin@guest.example, frank@guest.example to "
                        + meeting.webex().meetingNumber());
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 2)).isTrue();
        String erinsToken = MailAssertions.linkToken(mailTo("erin@guest.example"));
        SMTP.purgeEmailFromAllMailboxes();

        List<Reply> replies =
                run(olivia, "remove erin@guest.example from " + meeting.webex().meetingNumber());

        assertThat(replies)
                .singleElement()
                .extracting(Reply::markdown)
                .asString()
                .startsWith("Removed erin@guest.example from **Budget**");
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        MimeMessage cancel = mailTo("erin@guest.example");
        assertThat(MailAssertions.method(cancel)).isEqualTo("CANCEL");
        assertThat(MailAssertions.property(MailAssertions.eventOf(cancel), "UID"))
                .isEqualTo(meeting.id() + "@localhost");
        Invitation erin = store().findByToken(erinsToken).block(WAIT);
        assertThat(erin.status()).isEqualTo(InvitationStatus.REVOKED);
        awaitReports("1 cancellation sent for \"Budget\".");
        assertThat(recipients()).containsExactly("erin@guest.example");
    }

    @Test
    void moveChangesWebexFirstThenSendsEveryGuestANewSequence() throws Exception {
        Meeting meeting = webexMeeting("Roadmap", Duration.ofDays(4));
        run(
                olivia,
                "add gina@guest.example, hugo@guest.example, ivan@guest.example to "
                        + meeting.webex().meetingNumber());
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 3)).isTrue();
        run(olivia, "remove ivan@guest.example from " + meeting.webex().meetingNumber());
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 4)).isTrue();
        SMTP.purgeEmailFromAllMailboxes();
        ZonedDateTime newStart =
                meeting.start().atZone(VIENNA).plusDays(1).withHour(15).withMinute(30);

        List<Reply> replies = run(
                olivia,
                "move " + meeting.webex().meetingNumber() + " to "
                        + newStart.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " | 1h");

        assertThat(replies)
                .singleElement()
                .extracting(Reply::markdown)
                .asString()
                .startsWith("Moved **Roadmap** to")
                .endsWith("Sending 2 guests an update.");
        io.guestgate.emulator.meetings.Meeting atWebex = emulatorMeeting(meeting);
        assertThat(atWebex.start()).isEqualTo(newStart.toInstant());
        assertThat(atWebex.end()).isEqualTo(newStart.toInstant().plus(Duration.ofHours(1)));
        Meeting stored =
                context.getBean(MeetingStore.class).findById(meeting.id()).block(WAIT);
        assertThat(stored.sequence()).isEqualTo(meeting.sequence() + 1);
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 2)).isTrue();
        awaitReports("2 updates sent for \"Roadmap\".");
        assertThat(recipients()).containsExactlyInAnyOrder("gina@guest.example", "hugo@guest.example");
        for (MimeMessage update : SMTP.getReceivedMessages()) {
            var event = MailAssertions.eventOf(update);
            assertThat(MailAssertions.method(update)).isEqualTo("REQUEST");
            assertThat(MailAssertions.property(event, "UID")).isEqualTo(meeting.id() + "@localhost");
            assertThat(MailAssertions.property(event, "SEQUENCE")).isEqualTo("1");
            assertThat(Instant.from(event.getStartDate().orElseThrow().getDate()))
                    .isEqualTo(newStart.toInstant());
            assertThat(update.getSubject()).isEqualTo("Updated invitation: Roadmap");
            // The new mail's link works too, and lives until the new end plus the grace period.
            Invitation opened =
                    store().findByToken(MailAssertions.linkToken(update)).block(WAIT);
            assertThat(opened.expiresAt()).isEqualTo(stored.end().plus(Duration.ofMinutes(30)));
            carriesNothingOf(update, atWebex);
        }
    }

    @Test
    void renameChangesTheTitleAtWebexFirstThenSendsEveryGuestAnUpdateWithTheNextSequence() throws Exception {
        Meeting meeting = webexMeeting("Kickoff", Duration.ofDays(4));
        run(
                olivia,
                "add lena@guest.example, mia@guest.example to "
                        + meeting.webex().meetingNumber());
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 2)).isTrue();
        SMTP.purgeEmailFromAllMailboxes();

        List<Reply> replies = run(olivia, "umbenennen " + meeting.webex().meetingNumber() + " in Kickoff *2027*");

        assertThat(replies)
                .singleElement()
                .extracting(Reply::markdown)
                .asString()
                .isEqualTo("**Kickoff** heißt jetzt **Kickoff \\*2027\\***. 2 Gäste bekommen eine Änderung.");
        io.guestgate.emulator.meetings.Meeting atWebex = emulatorMeeting(meeting);
        assertThat(atWebex.title()).isEqualTo("Kickoff *2027*");
        assertThat(atWebex.start()).isEqualTo(meeting.start());
        assertThat(atWebex.end()).isEqualTo(meeting.end());
        Meeting stored =
                context.getBean(MeetingStore.class).findById(meeting.id()).block(WAIT);
        assertThat(stored.title()).isEqualTo("Kickoff *2027*");
        assertThat(stored.sequence()).isEqualTo(meeting.sequence() + 1);
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 2)).isTrue();
        assertThat(recipients()).containsExactlyInAnyOrder("lena@guest.example", "mia@guest.example");
        for (MimeMessage update : SMTP.getReceivedMessages()) {
            var event = MailAssertions.eventOf(update);
            assertThat(MailAssertions.method(update)).isEqualTo("REQUEST");
            assertThat(MailAssertions.property(event, "UID")).isEqualTo(meeting.id() + "@localhost");
            assertThat(MailAssertions.property(event, "SEQUENCE")).isEqualTo(Integer.toString(meeting.sequence() + 1));
            assertThat(MailAssertions.property(event, "SUMMARY")).isEqualTo("Kickoff *2027*");
            assertThat(Instant.from(event.getStartDate().orElseThrow().getDate()))
                    .isEqualTo(meeting.start());
            carriesNothingOf(update, atWebex);
        }

        assertThat(run(olivia, "rename " + meeting.webex().meetingNumber() + " to Kickoff *2027*"))
                .singleElement()
                .extracting(Reply::markdown)
                .asString()
                .contains("already has that title");
        assertThat(context.getBean(MeetingStore.class)
                        .findById(meeting.id())
                        .block(WAIT)
                        .sequence())
                .as("no second update for the same title")
                .isEqualTo(stored.sequence());
    }

    @Test
    void resendRetiresTheGuestsOldLinksAndMailsThatGuestAloneAFreshOne() throws Exception {
        Meeting meeting = webexMeeting("Audit talk", Duration.ofDays(6));
        run(
                olivia,
                "add Jana Jung <jana@guest.example>, kai@guest.example to "
                        + meeting.webex().meetingNumber());
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 2)).isTrue();
        String janasOldToken = token(mailTo("jana@guest.example"));
        String kaisToken = token(mailTo("kai@guest.example"));
        SMTP.purgeEmailFromAllMailboxes();

        // Without a reference: the next upcoming meeting this guest is invited to.
        List<Reply> replies = run(olivia, "resend JANA@guest.example");

        assertThat(replies)
                .singleElement()
                .extracting(Reply::markdown)
                .asString()
                .isEqualTo("Sending jana@guest.example a new link to **Audit talk**. The links sent before no longer "
                        + "work. I’ll tell you when the mail is out.");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(InviteTestWorld.messagesTo(WEBEX.get(), olivia.id()))
                        .contains("1 new link sent for \"Audit talk\"."));
        assertThat(recipients()).as("the report comes once the batch settled").containsExactly("jana@guest.example");
        MimeMessage fresh = mailTo("jana@guest.example");
        assertThat(fresh.getSubject()).isEqualTo("Your new link: Audit talk");
        var event = MailAssertions.eventOf(fresh);
        assertThat(MailAssertions.method(fresh)).isEqualTo("REQUEST");
        assertThat(MailAssertions.property(event, "UID")).isEqualTo(meeting.id() + "@localhost");
        assertThat(MailAssertions.property(event, "SEQUENCE")).isEqualTo(Integer.toString(meeting.sequence()));
        carriesNothingOf(fresh, emulatorMeeting(meeting));
        String janasNewToken = token(fresh);
        assertThat(store().findByToken(janasOldToken).blockOptional(WAIT))
                .as("the old link")
                .isEmpty();
        assertThat(store().findByToken(janasNewToken).block(WAIT).invitee().email())
                .isEqualTo("jana@guest.example");
        assertThat(store().findByToken(kaisToken).block(WAIT).invitee().email())
                .as("another guest's link")
                .isEqualTo("kai@guest.example");

        assertThat(run(
                        olivia,
                        "nachsenden lara@guest.example in " + meeting.webex().meetingNumber()))
                .singleElement()
                .extracting(Reply::markdown)
                .asString()
                .isEqualTo("lara@guest.example steht nicht auf der Gästeliste von **Audit talk**.");
        assertThat(run(olivia, "resend lara@guest.example"))
                .singleElement()
                .extracting(Reply::markdown)
                .asString()
                .startsWith("lara@guest.example is not invited to any of your upcoming meetings.");
        run(olivia, "remove kai@guest.example from " + meeting.webex().meetingNumber());
        assertThat(run(olivia, "resend kai@guest.example in " + meeting.webex().meetingNumber()))
                .as("a withdrawn invitation gets no new link")
                .singleElement()
                .extracting(Reply::markdown)
                .asString()
                .isEqualTo("kai@guest.example is not on the guest list of **Audit talk**.");
        // Kai's cancellation is out before the next test empties the mailbox.
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(InviteTestWorld.messagesTo(WEBEX.get(), olivia.id()))
                        .contains("1 cancellation sent for \"Audit talk\"."));
    }

    @Test
    void theOrganizerChoosesAGuestsLanguageAndWhetherToAdmitThemThemselves() throws Exception {
        Meeting meeting = webexMeeting("Sprachen", Duration.ofDays(7));
        String number = meeting.webex().meetingNumber();

        List<Reply> added = run(olivia, "add Uwe <uwe@guest.example> to " + number + " in German with approval");

        assertThat(added)
                .singleElement()
                .extracting(Reply::markdown)
                .asString()
                .startsWith("Inviting 1 guest to **Sprachen**")
                .endsWith("You admit this guest yourself: when they verify, you get a card to admit or deny.");
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        assertThat(SMTP.getReceivedMessages()[0].getSubject())
                .as("German, although the command was English")
                .isEqualTo("Einladung: Sprachen");
        Invitation uwe = store().findInvited(meeting.id(), "uwe@guest.example").block(WAIT);
        assertThat(uwe.invitee().language()).isEqualTo("de");
        assertThat(uwe.invitee().hostApproval()).isTrue();

        assertThat(run(olivia, "sprache uwe@guest.example en in " + number))
                .singleElement()
                .extracting(Reply::markdown)
                .asString()
                .isEqualTo("uwe@guest.example bekommt Mails und Seiten zu **Sprachen** ab jetzt auf Englisch.");
        assertThat(store().findInvited(meeting.id(), "uwe@guest.example")
                        .block(WAIT)
                        .invitee())
                .extracting("language", "hostApproval")
                .containsExactly("en", true);
        SMTP.purgeEmailFromAllMailboxes();
        run(olivia, "nachsenden uwe@guest.example in " + number);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(InviteTestWorld.messagesTo(WEBEX.get(), olivia.id()))
                        .contains("1 neuer Link für „Sprachen“ gesendet."));
        assertThat(SMTP.getReceivedMessages())
                .singleElement()
                .extracting(RawMailSubject::of)
                .as("English now, although the command was German")
                .isEqualTo("Your new link: Sprachen");
        assertThat(run(olivia, "lang nobody@guest.example de in " + number))
                .singleElement()
                .extracting(Reply::markdown)
                .asString()
                .isEqualTo("nobody@guest.example is not on the guest list of **Sprachen**.");
    }

    /** A mail's subject, for AssertJ's extracting. */
    private static final class RawMailSubject {
        static String of(MimeMessage mail) {
            try {
                return mail.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void moveRefusedByWebexChangesNothing() throws Exception {
        Meeting meeting = webexMeeting("Fixed", Duration.ofDays(5));
        WEBEX.get()
                .injectFault(io.guestgate.emulator.faults.Fault.status(
                        "PUT /v1/meetings/" + meeting.webex().id(), 400, 1));
        ZonedDateTime newStart = meeting.start().atZone(VIENNA).plusDays(1);

        Command command = parse("move " + meeting.webex().meetingNumber() + " to "
                + newStart.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> context.getBean(MoveHandler.class)
                .handle((Command.MoveMeeting) command, conversation(olivia))
                .collectList()
                .block(WAIT));

        assertThat(refused).isInstanceOf(io.guestgate.webex.WebexApiException.class);
        Meeting stored =
                context.getBean(MeetingStore.class).findById(meeting.id()).block(WAIT);
        assertThat(stored.sequence()).isEqualTo(meeting.sequence());
        assertThat(stored.start()).isEqualTo(meeting.start());
    }

    @Test
    void cancelDeletesTheMeetingAtWebexRevokesEveryLinkAndSendsCancels() throws Exception {
        Meeting meeting = webexMeeting("Offsite", Duration.ofDays(6));
        run(
                olivia,
                "add jana@guest.example, karl@guest.example to "
                        + meeting.webex().meetingNumber());
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 2)).isTrue();
        List<String> tokens = Arrays.stream(SMTP.getReceivedMessages())
                .map(InvitationCommandsTest::token)
                .toList();
        SMTP.purgeEmailFromAllMailboxes();

        List<Reply> replies = run(olivia, "absagen " + meeting.webex().meetingNumber());

        assertThat(replies)
                .singleElement()
                .extracting(Reply::markdown)
                .asString()
                .isEqualTo("**Offsite** ist abgesagt. 2 Gäste bekommen eine Absage.");
        assertThat(WEBEX.get().meetings())
                .noneMatch(m -> m.id().equals(meeting.webex().id()));
        assertThat(context.getBean(MeetingStore.class)
                        .findById(meeting.id())
                        .block(WAIT)
                        .status())
                .isEqualTo(MeetingStatus.CANCELLED);
        for (String token : tokens) {
            assertThat(store().findByToken(token).block(WAIT).status()).isEqualTo(InvitationStatus.REVOKED);
        }
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 2)).isTrue();
        awaitReports("2 Absagen für „Offsite“ gesendet.");
        assertThat(recipients()).containsExactlyInAnyOrder("jana@guest.example", "karl@guest.example");
        for (MimeMessage cancel : SMTP.getReceivedMessages()) {
            assertThat(MailAssertions.method(cancel)).isEqualTo("CANCEL");
            assertThat(MailAssertions.property(MailAssertions.eventOf(cancel), "STATUS"))
                    .isEqualTo("CANCELLED");
            assertThat(MailAssertions.property(MailAssertions.eventOf(cancel), "SEQUENCE"))
                    .isEqualTo("1");
            assertThat(cancel.getSubject()).isEqualTo("Abgesagt: Offsite");
        }
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(InviteTestWorld.messagesTo(WEBEX.get(), olivia.id()))
                        .contains("2 Absagen für „Offsite“ gesendet."));
    }

    @Test
    void onlyTheOrganizerMayAddThroughTheCard() throws Exception {
        Meeting meeting = webexMeeting("Private", Duration.ofDays(7));
        CardSubmission pressedByPeter = new CardSubmission(
                MeetingCards.ADD_PARTICIPANTS_ACTION,
                Language.EN,
                Map.of(
                        MeetingCards.MEETING_ID_INPUT,
                        meeting.id(),
                        MeetingCards.PARTICIPANTS_INPUT,
                        "Lara Long <lara@guest.example>"),
                "message-1");

        List<Reply> replies = context.getBean(AddParticipantsCard.class)
                .handle(pressedByPeter, conversation(peter))
                .collectList()
                .block(WAIT);

        assertThat(replies)
                .singleElement()
                .extracting(Reply::markdown)
                .isEqualTo("Only the organizer of **Private** can change it.");
        assertThat(invitations(meeting)).isEmpty();

        CardSubmission pressedByOlivia = new CardSubmission(
                MeetingCards.ADD_PARTICIPANTS_ACTION, Language.EN, pressedByPeter.inputs(), "message-1");
        List<Reply> added = context.getBean(AddParticipantsCard.class)
                .handle(pressedByOlivia, conversation(olivia))
                .collectList()
                .block(WAIT);
        assertThat(added)
                .singleElement()
                .extracting(Reply::markdown)
                .asString()
                .startsWith("Inviting 1 guest to **Private**");
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        assertThat(recipients()).containsExactly("lara@guest.example");
    }

    @Test
    void aCardWithOneBadLineInvitesNobodyAndNamesTheLineInCardTerms() {
        Meeting meeting = webexMeeting("Card batch", Duration.ofDays(7));
        CardSubmission submission = new CardSubmission(
                MeetingCards.ADD_PARTICIPANTS_ACTION,
                Language.EN,
                Map.of(
                        MeetingCards.MEETING_ID_INPUT,
                        meeting.id(),
                        MeetingCards.PARTICIPANTS_INPUT,
                        "Lara Long <lara@guest.example>\nMax at home\nNina Neu <nina@guest.example>"),
                "message-2");

        List<Reply> replies = context.getBean(AddParticipantsCard.class)
                .handle(submission, conversation(olivia))
                .collectList()
                .block(WAIT);

        assertThat(replies)
                .singleElement()
                .extracting(Reply::markdown)
                .asString()
                .contains("Nobody was invited", "line 2", "Max at home", "one guest per line", "Invite")
                .doesNotContain("add ", " to 2");
        assertThat(invitations(meeting)).isEmpty();
    }

    // ---- helpers

    private static List<Reply> run(EmulatorSeed.Person sender, String text) {
        Command command = parse(text);
        Conversation conversation = conversation(sender);
        var handler = switch (command.getClass().getSimpleName()) {
            case "AddParticipants" ->
                context.getBean(AddHandler.class).handle((Command.AddParticipants) command, conversation);
            case "RemoveParticipant" ->
                context.getBean(RemoveHandler.class).handle((Command.RemoveParticipant) command, conversation);
            case "MoveMeeting" ->
                context.getBean(MoveHandler.class).handle((Command.MoveMeeting) command, conversation);
            case "RenameMeeting" ->
                context.getBean(RenameHandler.class).handle((Command.RenameMeeting) command, conversation);
            case "SetGuestLanguage" ->
                context.getBean(GuestLanguageHandler.class).handle((Command.SetGuestLanguage) command, conversation);
            case "ResendInvitation" ->
                context.getBean(ResendHandler.class).handle((Command.ResendInvitation) command, conversation);
            case "CancelMeeting" ->
                context.getBean(CancelHandler.class).handle((Command.CancelMeeting) command, conversation);
            default -> throw new AssertionError("not an invitation command: " + command);
        };
        return handler.collectList().block(WAIT);
    }

    private static Command parse(String text) {
        return context.getBean(CommandParser.class).parse(text);
    }

    private static Conversation conversation(EmulatorSeed.Person person) {
        return new Conversation(person.id(), person.email(), "room-of-" + person.id(), false, Optional.empty());
    }

    /** A meeting created at the emulator with the organizer's token and stored as the bot stores it. */
    private static Meeting webexMeeting(String title, Duration fromNow) {
        Instant start =
                Instant.now().plus(fromNow).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Instant end = start.plus(Duration.ofMinutes(45));
        var created = context.getBean(WebexClient.class)
                .meetings()
                .create(
                        AccessToken.of(olivia.accessToken()),
                        context.getBean(LockedDownMeetings.class).request(title, start, end))
                .block(WAIT);
        Meeting meeting = new Meeting(
                MeetingStore.newId(),
                new Meeting.Organizer(olivia.id(), olivia.email(), olivia.displayName()),
                title,
                start,
                end,
                VIENNA,
                new Meeting.WebexMeeting(
                        created.id(), created.meetingNumber(), created.webLink(), created.sipAddress()),
                0,
                MeetingStatus.SCHEDULED,
                Instant.now());
        return context.getBean(MeetingStore.class).save(meeting).block(WAIT);
    }

    private static io.guestgate.emulator.meetings.Meeting emulatorMeeting(Meeting meeting) {
        return WEBEX.get().meetings().stream()
                .filter(m -> m.id().equals(meeting.webex().id()))
                .findFirst()
                .orElseThrow();
    }

    /** The whole raw mail and its decoded parts carry none of what Webex knows about the meeting. */
    private static void carriesNothingOf(MimeMessage mail, io.guestgate.emulator.meetings.Meeting atWebex)
            throws Exception {
        StringBuilder all = new StringBuilder(RawMail.whole(mail));
        for (var part : RawMail.leaves(mail)) {
            all.append('\n').append(RawMail.text(part));
        }
        String everything = all.toString().replace("\r\n ", "");
        // The host key is six random digits: a chance match in a Message-ID or timestamp is about 1 in 10,000.
        assertThat(everything)
                .doesNotContain(
                        atWebex.webLink(),
                        atWebex.meetingNumber(),
                        atWebex.sipAddress(),
                        atWebex.password(),
                        atWebex.id(),
                        atWebex.hostKey());
    }

    /** The organizer's reports of these batches: every mail of them is settled. */
    private static void awaitReports(String... reports) {
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(InviteTestWorld.messagesTo(WEBEX.get(), olivia.id()))
                        .contains(reports));
    }

    private static InvitationStore store() {
        return context.getBean(InvitationStore.class);
    }

    private static List<Invitation> invitations(Meeting meeting) {
        return store().findByMeeting(meeting.id()).collectList().block(WAIT);
    }

    private static List<String> recipients() throws Exception {
        return Arrays.stream(SMTP.getReceivedMessages())
                .map(InvitationCommandsTest::recipient)
                .toList();
    }

    private static MimeMessage mailTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(mail -> recipient(mail).equals(address))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no mail to " + address));
    }

    private static String recipient(MimeMessage mail) {
        try {
            return MailAssertions.recipient(mail);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(MimeMessage mail) {
        try {
            return MailAssertions.linkToken(mail);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
