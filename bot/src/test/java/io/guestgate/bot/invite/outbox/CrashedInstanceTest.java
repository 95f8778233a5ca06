package io.guestgate.bot.invite.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.guestgate.bot.invite.InviteTestWorld;
import io.guestgate.bot.invite.MailAssertions;
import io.guestgate.domain.invitation.DeliveryStatus;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.emulator.WebexEmulatorExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamInfo;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;

/**
 * One instance takes an entry and dies before it acknowledges it: its relay connection hangs, and it is shut down
 * mid-send. A second instance claims the entry once it has been idle long enough, and delivers it.
 */
class CrashedInstanceTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @RegisterExtension
    static final WebexEmulatorExtension WEBEX = WebexEmulatorExtension.withDefaults();

    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private ServerSocket blackHole;
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;
    private String prefix;
    private OutboxRedis outbox;

    @AfterEach
    void stop() throws IOException {
        if (outbox != null) {
            outbox.close();
        }
        if (second != null) {
            second.close();
        }
        if (first != null && first.isActive()) {
            first.close();
        }
        if (prefix != null) {
            InviteTestWorld.deleteKeys(prefix);
        }
        for (Socket socket : held) {
            socket.close();
        }
        if (blackHole != null) {
            blackHole.close();
        }
    }

    @Test
    void anEntryHeldByAClosedInstanceIsDeliveredByAnother() throws Exception {
        prefix = InviteTestWorld.uniquePrefix();
        startBlackHole();
        Map<String, Object> dying = InviteTestWorld.properties(prefix, WEBEX.get(), blackHole.getLocalPort());
        dying.put("guestgate.outbox.consumer-name", "instance-that-dies");
        dying.put("guestgate.outbox.shutdown-timeout", "300ms");
        dying.put("spring.mail.properties.mail.smtp.timeout", "60000");
        first = InviteTestWorld.start(dying);

        Meeting meeting = OutboxTestData.meeting(first, WEBEX.get(), "Crash drill");
        Invitation guest = OutboxTestData.guests(first, meeting, 1).get(0);
        OutboxTestData.enqueue(first, meeting, List.of(guest));

        outbox = new OutboxRedis(prefix);
        await().atMost(OutboxTestData.WAIT).until(() -> !held.isEmpty() && outbox.pending() == 1);
        PendingMessage taken = outbox.pendingDetails().get(0);
        assertThat(taken.getConsumerName()).startsWith("instance-that-dies-");
        first.close();
        assertThat(outbox.pending())
                .as("closing does not acknowledge what was not sent")
                .isEqualTo(1);

        Map<String, Object> survivor =
                InviteTestWorld.properties(prefix, WEBEX.get(), SMTP.getSmtp().getPort());
        survivor.put("guestgate.outbox.consumer-name", "instance-that-survives");
        survivor.put("guestgate.outbox.claim-idle", "1s");
        survivor.put("guestgate.outbox.claim-interval", "200ms");
        second = InviteTestWorld.start(survivor);

        assertThat(SMTP.waitForIncomingEmail(OutboxTestData.WAIT.toMillis(), 1)).isTrue();
        assertThat(MailAssertions.recipient(SMTP.getReceivedMessages()[0]))
                .isEqualTo(guest.invitee().email());
        await().atMost(OutboxTestData.WAIT).until(() -> outbox.pending() == 0 && outbox.streamLength() == 0);
        InvitationStore invitations = second.getBean(InvitationStore.class);
        await().atMost(OutboxTestData.WAIT)
                .until(() -> invitations.findById(guest.id()).block().delivery() == DeliveryStatus.DELIVERED);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);

        // The consumers of the instance that is gone hold nothing now, and are removed once long idle.
        await().atMost(Duration.ofSeconds(40))
                .until(() -> consumers().stream().noneMatch(name -> name.startsWith("instance-that-dies")));
        assertThat(consumers()).isNotEmpty().allMatch(name -> name.startsWith("instance-that-survives"));
    }

    /**
     * During a Redis outage a reader gives up on its read, but the client sends the read once the connection is back:
     * Redis hands an entry to the reader, which is no longer waiting for it. Played here by reading as that reader
     * before the instance starts. The reader finds what it holds and sends it without waiting for the claim idle time
     * (five minutes).
     */
    @Test
    void anEntryHandedToAReaderThatHadGivenUpIsSentByThatReaderStraightAway() throws Exception {
        prefix = InviteTestWorld.uniquePrefix();
        Map<String, Object> queueing =
                InviteTestWorld.properties(prefix, WEBEX.get(), SMTP.getSmtp().getPort());
        queueing.put("guestgate.outbox.enabled", "false");
        first = InviteTestWorld.start(queueing);
        Meeting meeting = OutboxTestData.meeting(first, WEBEX.get(), "Late read");
        Invitation guest = OutboxTestData.guests(first, meeting, 1).get(0);
        OutboxTestData.enqueue(first, meeting, List.of(guest));
        first.close();

        outbox = new OutboxRedis(prefix);
        outbox.template().opsForStream().createGroup(outbox.stream(), ReadOffset.from("0"), "mailers");
        List<MapRecord<String, Object, Object>> late = outbox.template()
                .opsForStream()
                .read(
                        Consumer.from("mailers", "late-reader-0"),
                        StreamReadOptions.empty().count(1),
                        StreamOffset.create(outbox.stream(), ReadOffset.lastConsumed()));
        assertThat(late).hasSize(1);
        assertThat(outbox.pendingDetails().get(0).getConsumerName()).isEqualTo("late-reader-0");

        Map<String, Object> sending =
                InviteTestWorld.properties(prefix, WEBEX.get(), SMTP.getSmtp().getPort());
        sending.put("guestgate.outbox.consumer-name", "late-reader");
        second = InviteTestWorld.start(sending);

        assertThat(SMTP.waitForIncomingEmail(OutboxTestData.WAIT.toMillis(), 1)).isTrue();
        assertThat(MailAssertions.recipient(SMTP.getReceivedMessages()[0]))
                .isEqualTo(guest.invitee().email());
        await().atMost(OutboxTestData.WAIT).until(() -> outbox.pending() == 0 && outbox.streamLength() == 0);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    private List<String> consumers() {
        return outbox.template().opsForStream().consumers(outbox.stream(), "mailers").stream()
                .map(StreamInfo.XInfoConsumer::consumerName)
                .toList();
    }

    /** Accepts SMTP connections and never answers, like a relay that hangs. */
    private void startBlackHole() throws IOException {
        blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(
                () -> {
                    while (!blackHole.isClosed()) {
                        try {
                            held.add(blackHole.accept());
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "black-hole-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }
}
