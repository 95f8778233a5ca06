package io.guestgate.bot.invite.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.guestgate.bot.invite.InviteTestWorld;
import io.guestgate.bot.invite.MailAssertions;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.guestlist.invitation.DeliveryStatus;
import io.guestgate.guestlist.invitation.Invitation;
import io.guestgate.guestlist.invitation.InvitationStore;
import io.guestgate.guestlist.meeting.Meeting;

/** The relay is down while invitations are queued; once it is back, every mail arrives exactly once. */
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

        // The relay is down: nothing listens on its port.
        Meeting meeting = OutboxTestData.meeting(context, WEBEX.get(), "Outage review");
        List<Invitation> guests = OutboxTestData.guests(context, meeting, 20);
        OutboxTestData.enqueue(context, meeting, guests);

        // Every mail has failed at least once and waits for its next attempt; none is lost meanwhile.
        await().atMost(OutboxTestData.WAIT).untilAsserted(() -> assertThat(guests).allSatisfy(guest ->
                assertThat(invitations.findById(guest.id()).block().deliveryDetail()).isEqualTo("retrying:unavailable")));
        assertThat(outbox.streamLength() + outbox.retries()).isGreaterThan(0);

        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        assertThat(smtp.waitForIncomingEmail(OutboxTestData.WAIT.toMillis(), 20)).isTrue();
        await().atMost(OutboxTestData.WAIT).untilAsserted(() -> {
            assertThat(outbox.streamLength()).isZero();
            assertThat(outbox.pending()).isZero();
            assertThat(outbox.retries()).isZero();
        });
        // Quiet period: a duplicate would show up here.
        Thread.sleep(1_500);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(20);
        Set<String> recipients = Arrays.stream(received).map(SmtpOutageTest::recipient).collect(Collectors.toSet());
        assertThat(recipients).hasSize(20)
                .isEqualTo(guests.stream().map(guest -> guest.invitee().email()).collect(Collectors.toSet()));
        assertThat(guests).allSatisfy(guest -> assertThat(invitations.findById(guest.id()).block().delivery())
                .isEqualTo(DeliveryStatus.DELIVERED));
        assertThat(outbox.deadLetters()).isZero();
        String organizer = WEBEX.get().seed().organizer().id();
        await().atMost(OutboxTestData.WAIT).untilAsserted(() -> assertThat(
                InviteTestWorld.messagesTo(WEBEX.get(), organizer))
                .containsExactly("20 invitations sent for \"Outage review\"."));
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
