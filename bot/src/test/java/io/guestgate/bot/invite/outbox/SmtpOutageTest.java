package io.guestgate.bot.invite.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.guestgate.bot.command.Command;
import io.guestgate.bot.command.CommandHandler;
import io.guestgate.bot.command.CommandParser;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.invite.InviteTestWorld;
import io.guestgate.bot.invite.MailAssertions;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.invitation.DeliveryStatus;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.emulator.WebexEmulatorExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The relay is down while 20 people are added; once it is back, every invitation arrives exactly once. */
class SmtpOutageTest {

    @RegisterExtension
    static final WebexEmulatorExtension WEBEX = WebexEmulatorExtension.withDefaults();

    private ConfigurableApplicationContext context;
    private GreenMail smtp;
    private String prefix;
    private OutboxRedis outbox;

    @AfterEach
    void stop() {
        if (outbox != null) {
            outbox.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (context != null) {
            context.close();
            InviteTestWorld.deleteKeys(prefix);
        }
    }

    @Test
    void allTwentyInvitationsArriveOnceWhenTheRelayReturns() throws Exception {
        int port = freePort();
        prefix = InviteTestWorld.uniquePrefix();
        Map<String, Object> properties = InviteTestWorld.properties(prefix, WEBEX.get(), port);
        properties.put("guestgate.outbox.max-attempts", "100");
        context = InviteTestWorld.start(properties);
        outbox = new OutboxRedis(prefix);
        InvitationStore invitations = context.getBean(InvitationStore.class);

        // The relay is down (nothing listens on its port) while the organizer adds 20 people.
        Meeting meeting = OutboxTestData.meeting(context, WEBEX.get(), "Outage review");
        String people = IntStream.rangeClosed(1, 20)
                .mapToObj(i -> "Guest " + i + " <guest" + i + "@guest.example>")
                .collect(Collectors.joining(", "));
        List<Reply> answer = addCommand()
                .handle(
                        (Command.AddParticipants)
                                context.getBean(CommandParser.class).parse("add " + people + " to 1"),
                        new Conversation(
                                meeting.organizer().personId(),
                                meeting.organizer().email(),
                                "room-1",
                                false,
                                Optional.empty()))
                .collectList()
                .block(OutboxTestData.WAIT);
        assertThat(answer)
                .singleElement()
                .extracting(Reply::markdown)
                .asString()
                .startsWith("Inviting 20 guests to **Outage review**");
        List<Invitation> guests =
                invitations.findByMeeting(meeting.id()).collectList().block(OutboxTestData.WAIT);
        assertThat(guests).hasSize(20);

        // Every mail has failed at least once and waits for its next attempt; none is lost meanwhile.
        await().atMost(OutboxTestData.WAIT)
                .untilAsserted(() -> assertThat(guests)
                        .allSatisfy(guest -> assertThat(
                                        invitations.findById(guest.id()).block().deliveryDetail())
                                .isEqualTo("retrying:unavailable")));
        assertThat(outbox.streamLength() + outbox.retries()).isGreaterThan(0);

        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        assertThat(smtp.waitForIncomingEmail(OutboxTestData.WAIT.toMillis(), 20))
                .isTrue();
        // The organizer's report comes once every mail of the batch is done, and the outbox settles: nothing is
        // queued, held or waiting for another attempt, so no further mail can come. Then the counts are final.
        String organizer = WEBEX.get().seed().organizer().id();
        await().atMost(OutboxTestData.WAIT)
                .untilAsserted(() -> assertThat(InviteTestWorld.messagesTo(WEBEX.get(), organizer))
                        .containsExactly("20 invitations sent for \"Outage review\"."));
        await().atMost(OutboxTestData.WAIT).untilAsserted(() -> {
            assertThat(outbox.streamLength()).isZero();
            assertThat(outbox.pending()).isZero();
            assertThat(outbox.retries()).isZero();
        });
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(20);
        Set<String> recipients =
                Arrays.stream(received).map(SmtpOutageTest::recipient).collect(Collectors.toSet());
        assertThat(recipients)
                .hasSize(20)
                .isEqualTo(guests.stream().map(guest -> guest.invitee().email()).collect(Collectors.toSet()));
        assertThat(guests)
                .allSatisfy(guest -> assertThat(
                                invitations.findById(guest.id()).block().delivery())
                        .isEqualTo(DeliveryStatus.DELIVERED));
        assertThat(outbox.deadLetters()).isZero();
    }

    @SuppressWarnings("unchecked")
    private CommandHandler<Command.AddParticipants> addCommand() {
        return context.getBeansOfType(CommandHandler.class).values().stream()
                .filter(handler -> handler.commandType() == Command.AddParticipants.class)
                .findFirst()
                .orElseThrow();
    }

    private static String recipient(MimeMessage message) {
        try {
            return MailAssertions.recipient(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
