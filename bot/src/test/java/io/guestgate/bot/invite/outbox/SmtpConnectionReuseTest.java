package io.guestgate.bot.invite.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.guestgate.bot.invite.InviteTestWorld;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The outbox keeps its SMTP connections open between mails: a batch goes out over at most one connection per sender,
 * not one per mail, and a connection the relay hung up on is replaced on the spot, without a failed mail.
 */
class SmtpConnectionReuseTest {

    private static final int SENDERS = 2;

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @RegisterExtension
    static final WebexEmulatorExtension WEBEX = WebexEmulatorExtension.withDefaults();

    /** The bot's counters go to the global registry in module tests (no actuator); this one keeps them. */
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private ConfigurableApplicationContext context;
    private CountingForwarder relay;
    private String prefix;

    @AfterEach
    void stop() throws Exception {
        Metrics.globalRegistry.remove(meters);
        if (context != null) {
            context.close();
            InviteTestWorld.deleteKeys(prefix);
        }
        if (relay != null) {
            relay.close();
        }
    }

    private void start() throws Exception {
        Metrics.globalRegistry.add(meters);
        relay = new CountingForwarder(SMTP.getSmtp().getPort());
        prefix = InviteTestWorld.uniquePrefix();
        Map<String, Object> properties = InviteTestWorld.properties(prefix, WEBEX.get(), relay.port());
        properties.put("guestgate.outbox.concurrency", Integer.toString(SENDERS));
        context = InviteTestWorld.start(properties);
    }

    @Test
    void aBatchGoesOutOverOneConnectionPerSender() throws Exception {
        start();
        Meeting meeting = OutboxTestData.meeting(context, WEBEX.get(), "Board meeting");
        List<Invitation> guests = OutboxTestData.guests(context, meeting, 20);

        OutboxTestData.enqueue(context, meeting, guests);

        assertThat(SMTP.waitForIncomingEmail(OutboxTestData.WAIT.toMillis(), 20))
                .isTrue();
        assertThat(SMTP.getReceivedMessages()).hasSize(20);
        assertThat(relay.connections()).isBetween(1, SENDERS);
        assertThat(failedMails()).isZero();
    }

    @Test
    void aConnectionTheRelayCutIsReplacedWithoutAFailedMail() throws Exception {
        start();
        Meeting meeting = OutboxTestData.meeting(context, WEBEX.get(), "Supervisory board");
        List<Invitation> guests = OutboxTestData.guests(context, meeting, 6);
        OutboxTestData.enqueue(context, meeting, guests.subList(0, 3));
        assertThat(SMTP.waitForIncomingEmail(OutboxTestData.WAIT.toMillis(), 3)).isTrue();
        int before = relay.connections();

        relay.cutAll();
        OutboxTestData.enqueue(context, meeting, guests.subList(3, 6));

        assertThat(SMTP.waitForIncomingEmail(OutboxTestData.WAIT.toMillis(), 6)).isTrue();
        assertThat(SMTP.getReceivedMessages()).hasSize(6);
        assertThat(relay.connections()).as("new connections after the cut").isGreaterThan(before);
        assertThat(failedMails()).as("no mail failed and waited for a retry").isZero();
    }

    @Test
    void connectionsToTheRelaySendWithoutNaglesDelay() throws Exception {
        start();
        Object factory = context.getBean(JavaMailSenderImpl.class)
                .getJavaMailProperties()
                .get("mail.smtp.socketFactory");

        assertThat(factory).isInstanceOf(SocketFactory.class);
        try (Socket socket = ((SocketFactory) factory).createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    private double failedMails() {
        return meters.find("guestgate.invitations.failed").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }
}
