package io.guestgate.app.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.bot.invite.outbox.Outbox;
import io.guestgate.bot.invite.outbox.OutboxBatch;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.emulator.messages.Message;
import io.guestgate.platform.redis.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SMTP relay goes away while three instances have invitations to send, and comes back a few seconds later: every
 * guest gets exactly one mail, and each batch's organizer report says all were sent.
 */
class SmtpOutageTest {

    static ScaleWorld world;

    @BeforeAll
    static void world() {
        world = ScaleTests.world();
    }

    @AfterEach
    void relayBack() {
        world.smtp().resume();
    }

    @Test
    void mailQueuedWhileTheRelayIsDownIsSentOnceWhenItIsBack() {
        Meeting meeting =
                world.storedMeeting("Relay " + Ids.random(6), Instant.now().plus(Duration.ofDays(4)));
        String run = Ids.random(6);
        int perBatch = 30;
        List<List<String>> batches = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            InvitationStore invitations = world.instance(b).getBean(InvitationStore.class);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < perBatch; i++) {
                String email = "relay-" + b + "-" + i + "-" + run + "@example.com";
                ids.add(invitations
                        .add(meeting, new Invitee("Guest " + b + "-" + i, email))
                        .block()
                        .invitation()
                        .id());
                expected.add(email);
            }
            batches.add(ids);
        }

        world.smtp().pause();
        for (int b = 0; b < 3; b++) {
            world.instance(b)
                    .getBean(Outbox.class)
                    .enqueue(new OutboxBatch(
                            world.organizer().id(),
                            meeting.id(),
                            meeting.title(),
                            MailPurpose.INVITE,
                            Language.EN,
                            batches.get(b)))
                    .block();
        }
        // Every mail was tried while the relay was down, failed and waits for its next attempt.
        InvitationStore invitations = world.instance(0).getBean(InvitationStore.class);
        List<String> all = batches.stream().flatMap(List::stream).toList();
        await("every mail tried and waiting for another attempt")
                .atMost(Duration.ofSeconds(30))
                .until(() -> all.stream()
                        .allMatch(id -> String.valueOf(
                                        invitations.findById(id).block().deliveryDetail())
                                .startsWith("retrying:")));
        assertThat(mailsTo(run)).isEmpty();
        world.smtp().resume();

        await("every invitation mailed after the outage")
                .atMost(Duration.ofSeconds(90))
                .until(() -> mailsTo(run).size() >= expected.size());
        await("a report per batch")
                .atMost(Duration.ofSeconds(30))
                .until(() -> reportsAbout(meeting.title()).size() >= 3);
        world.awaitOutboxSettled(Duration.ofSeconds(30));

        assertThat(mailsTo(run)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(reportsAbout(meeting.title()))
                .hasSize(3)
                .allSatisfy(
                        report -> assertThat(ScaleWorld.content(report)).startsWith(perBatch + " invitations sent"));
    }

    private static List<String> mailsTo(String run) {
        return world.smtp().recipients().stream()
                .filter(address -> address.contains(run))
                .toList();
    }

    private static List<Message> reportsAbout(String title) {
        return world.botMessages().stream()
                .filter(m -> ScaleWorld.content(m).contains("\"" + title + "\""))
                .toList();
    }
}
