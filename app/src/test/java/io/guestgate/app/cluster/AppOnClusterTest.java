package io.guestgate.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.app.scale.GuestFlow;
import io.guestgate.app.scale.ScaleWorld;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.bot.invite.outbox.Outbox;
import io.guestgate.bot.invite.outbox.OutboxBatch;
import io.guestgate.domain.cluster.RedisCluster;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStatus;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.emulator.messages.Message;
import io.guestgate.emulator.webhooks.Delivery;
import io.guestgate.platform.redis.Ids;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The application's Redis-backed paths on a three-master Redis Cluster, with two instances: webhook dedupe, the
 * organizer's account link (login states, sealed tokens), the mail outbox (stream, consumer group, settle script)
 * and web sessions (the guest's OIDC login, started on one instance and finished on the other).
 */
class AppOnClusterTest {

    static ScaleWorld world;

    @BeforeAll
    static void start() {
        world = ScaleWorld.start(new ScaleWorld.Options()
                .instances(2)
                .redis(RedisCluster.shared().properties()));
        world.deliverWebhooksToEachInstance();
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
            RedisCluster.shared().deleteKeys(world.keyPrefix() + "*");
        }
    }

    @Test
    void commandsDeliveredToBothInstancesAreProcessedOnceAndTheKeysSpreadOverTheCluster() {
        world.ensureOrganizerLinked();
        String run = Ids.random(6);
        String start = ZonedDateTime.now(ZoneId.of("Europe/Vienna"))
                .plusDays(2)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            titles.add("Cluster " + run + " no " + i);
        }

        List<Message> sent = Flux.fromIterable(titles)
                .flatMap(
                        title -> Mono.fromCallable(() -> world.say("create " + title + " | " + start + " | 30m"))
                                .subscribeOn(Schedulers.boundedElastic()),
                        4)
                .collectList()
                .block();
        Set<String> ids = sent.stream().map(Message::id).collect(Collectors.toSet());
        await("two deliveries of every command")
                .atMost(Duration.ofSeconds(30))
                .until(() -> deliveriesOf(ids).size() >= 16);
        deliveriesOf(ids).forEach(delivery -> world.webex().duplicateDelivery(delivery.id()));
        await("a meeting and an answer for every command")
                .atMost(Duration.ofSeconds(60))
                .until(() -> titles.stream().allMatch(title -> meetingsTitled(title) >= 1 && repliesAbout(title) >= 1));
        await("every delivery answered")
                .atMost(Duration.ofSeconds(30))
                .until(() -> deliveriesOf(ids).size() == 32
                        && deliveriesOf(ids).stream().allMatch(Delivery::delivered));
        world.awaitEventsProcessed(Duration.ofSeconds(30));

        assertThat(titles).allSatisfy(title -> {
            assertThat(meetingsTitled(title)).as("meetings titled %s", title).isEqualTo(1);
            assertThat(repliesAbout(title)).as("answers about %s", title).isEqualTo(1);
        });
        assertThat(RedisCluster.shared().keysByNode(world.keyPrefix() + "*").values())
                .as("keys on each master")
                .allSatisfy(keys -> assertThat(keys).isNotEmpty());
    }

    @Test
    void theOutboxOnTheClusterSendsEveryMailOnceAndReports() {
        Meeting meeting = world.storedMeeting(
                "Cluster mail " + Ids.random(6), Instant.now().plus(Duration.ofDays(2)));
        String run = Ids.random(6);
        List<String> ids = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        InvitationStore invitations = world.instance(0).getBean(InvitationStore.class);
        for (int i = 0; i < 12; i++) {
            String email = "cluster-" + i + "-" + run + "@example.com";
            ids.add(invitations
                    .add(meeting, new Invitee("Guest " + i, email))
                    .block()
                    .invitation()
                    .id());
            expected.add(email);
        }

        world.instance(1)
                .getBean(Outbox.class)
                .enqueue(new OutboxBatch(
                        world.organizer().id(), meeting.id(), meeting.title(), MailPurpose.INVITE, Language.EN, ids))
                .block();

        await("every mail")
                .atMost(Duration.ofSeconds(60))
                .until(() -> mailsTo(run).size() >= expected.size());
        await("the report")
                .atMost(Duration.ofSeconds(30))
                .until(() -> world.botMessages().stream()
                        .anyMatch(m -> ScaleWorld.content(m).contains("\"" + meeting.title() + "\"")));
        world.awaitOutboxSettled(Duration.ofSeconds(30));
        assertThat(mailsTo(run)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(world.botMessages())
                .filteredOn(m -> ScaleWorld.content(m).contains("\"" + meeting.title() + "\""))
                .singleElement()
                .satisfies(m -> assertThat(ScaleWorld.content(m)).startsWith("12 invitations sent"));
    }

    @Test
    void aGuestsSessionLivesInTheClusterAcrossInstances() {
        Meeting meeting = world.storedMeeting(
                "Cluster guest " + Ids.random(6), Instant.now().minus(Duration.ofMinutes(5)));
        InvitationStore invitations = world.instance(0).getBean(InvitationStore.class);
        ScaleWorld.InvitedGuest mia = world.invite(0, meeting, "Mia Maier", "mia@example.com");
        Invitation invitation = mia.invitation();
        String token = mia.token();
        world.nextGuestLogin("mia-" + invitation.id(), "Mia", "Maier", "mia@example.com");
        // The balancer alternates between the two instances, so every step of the login lands on the other one.
        world.balancer().clearHops();

        GuestFlow.Admitted admitted = GuestFlow.admit(world.publicUrl(), token);

        assertThat(admitted.displayName()).isEqualTo("Mia Maier");
        assertThat(invitations.findById(invitation.id()).block().status()).isEqualTo(InvitationStatus.ADMITTED);
        assertThat(world.balancer().hops()).extracting(hop -> hop.instance()).contains(0, 1);
        assertThat(RedisCluster.shared().keys(world.keyPrefix() + "session*"))
                .as("web sessions in the cluster, under GuestGate's key prefix (spring.session.data.redis.namespace)")
                .isNotEmpty();
    }

    private static List<Delivery> deliveriesOf(Set<String> messageIds) {
        return world.webex().deliveries().stream()
                .filter(d -> messageIds.contains(d.dataId()))
                .toList();
    }

    private static long meetingsTitled(String title) {
        return world.webex().meetings().stream()
                .filter(m -> m.title().equals(title))
                .count();
    }

    private static long repliesAbout(String title) {
        return world.botMessages().stream()
                .filter(m -> ScaleWorld.content(m).contains("**" + title + "**"))
                .count();
    }

    private static List<String> mailsTo(String run) {
        return world.smtp().recipients().stream()
                .filter(address -> address.contains(run))
                .toList();
    }
}
