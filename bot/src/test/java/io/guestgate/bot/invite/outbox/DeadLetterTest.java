package io.guestgate.bot.invite.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.bot.invite.InviteTestWorld;
import io.guestgate.domain.invitation.DeliveryStatus;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** A mail that keeps failing is given up after the configured attempts, kept, and reported to the organizer. */
class DeadLetterTest {

    @RegisterExtension
    static final WebexEmulatorExtension WEBEX = WebexEmulatorExtension.withDefaults();

    private ConfigurableApplicationContext context;
    private String prefix;
    private OutboxRedis outbox;
    private DroppingRelay relay;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() throws Exception {
        if (outbox != null) {
            outbox.close();
        }
        if (relay != null) {
            relay.close();
        }
        Metrics.globalRegistry.remove(meters);
        if (context != null) {
            context.close();
            InviteTestWorld.deleteKeys(prefix);
        }
    }

    @Test
    void givesUpAfterMaxAttemptsKeepsADeadLetterAndTellsTheOrganizer() throws Exception {
        prefix = InviteTestWorld.uniquePrefix();
        relay = new DroppingRelay();
        Map<String, Object> properties = InviteTestWorld.properties(prefix, WEBEX.get(), relay.port());
        properties.put("guestgate.outbox.max-attempts", "3");
        context = InviteTestWorld.start(properties);
        // Without an actuator the product metrics go to the global registry; count them there.
        Metrics.globalRegistry.add(meters);
        outbox = new OutboxRedis(prefix);
        InvitationStore invitations = context.getBean(InvitationStore.class);

        Meeting meeting = OutboxTestData.meeting(context, WEBEX.get(), "Board *meeting*");
        List<Invitation> guests = OutboxTestData.guests(context, meeting, 2);
        OutboxTestData.enqueue(context, meeting, guests);

        await().atMost(OutboxTestData.WAIT).until(() -> outbox.deadLetters() == 2);
        assertThat(outbox.streamLength()).isZero();
        assertThat(outbox.pending()).isZero();
        assertThat(outbox.retries()).isZero();
        assertThat(outbox.newestDeadLetter())
                .contains("\"attempt\":\"3\"")
                .contains("\"reason\":\"unavailable\"")
                .doesNotContain("guest.example");
        await().atMost(OutboxTestData.WAIT)
                .untilAsserted(() -> assertThat(guests).allSatisfy(guest -> {
                    Invitation now = invitations.findById(guest.id()).block();
                    assertThat(now.delivery()).isEqualTo(DeliveryStatus.FAILED);
                    assertThat(now.deliveryDetail()).isEqualTo("unavailable");
                }));
        assertThat(meters.counter("guestgate.invitations.failed", "kind", "request", "final", "false")
                        .count())
                .isEqualTo(4.0);
        assertThat(meters.counter("guestgate.invitations.failed", "kind", "request", "final", "true")
                        .count())
                .isEqualTo(2.0);
        String organizer = WEBEX.get().seed().organizer().id();
        await().atMost(OutboxTestData.WAIT)
                .untilAsserted(() -> assertThat(InviteTestWorld.messagesTo(WEBEX.get(), organizer))
                        .singleElement()
                        .satisfies(text -> assertThat(text)
                                .startsWith("Could not send 2 invitations for \"Board \\*meeting\\*\": ")
                                .contains("guest1@guest.example (mail server unreachable)")
                                .contains("guest2@guest.example (mail server unreachable)")));
    }

    @Test
    void anEntryThatIsNeverSettledIsGivenUpAfterMaxAttemptsDeliveries() throws Exception {
        prefix = InviteTestWorld.uniquePrefix();
        relay = new DroppingRelay();
        Map<String, Object> properties = InviteTestWorld.properties(prefix, WEBEX.get(), relay.port());
        properties.put("guestgate.outbox.max-attempts", "2");
        properties.put("guestgate.outbox.claim-idle", "200ms");
        properties.put("guestgate.outbox.claim-interval", "100ms");
        context = InviteTestWorld.start(properties);
        outbox = new OutboxRedis(prefix);
        Meeting meeting = OutboxTestData.meeting(context, WEBEX.get(), "Poison");
        List<Invitation> guests = OutboxTestData.guests(context, meeting, 1);
        // A stored invitation that no longer reads: every attempt fails before the mail is even built.
        outbox.template()
                .opsForHash()
                .put(prefix + "{m:" + meeting.id() + "}:inv", guests.get(0).id(), "{broken");

        OutboxTestData.enqueue(context, meeting, guests);

        await().atMost(OutboxTestData.WAIT).until(() -> outbox.deadLetters() == 1);
        assertThat(outbox.newestDeadLetter()).contains("\"reason\":\"other\"");
        assertThat(outbox.pending()).isZero();
        assertThat(outbox.streamLength()).isZero();
    }
}
