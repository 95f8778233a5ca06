package io.guestgate.app.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.bot.invite.outbox.Outbox;
import io.guestgate.bot.invite.outbox.OutboxBatch;
import io.guestgate.domain.cluster.RedisServerProcess;
import io.guestgate.domain.invitation.AddResult;
import io.guestgate.domain.invitation.InvitationStatus;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.emulator.journal.JournalEntry;
import io.guestgate.emulator.messages.Message;
import io.guestgate.emulator.webhooks.Delivery;
import io.guestgate.platform.redis.Ids;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.oauth.AccessToken;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Three instances of the application share one Redis (see {@link ScaleTests}). What must hold across them: a webhook
 * delivered to all of them at once is processed once, the mail outbox is drained by all of them without sending a
 * mail twice, and a guest's login may start on one instance and finish on another.
 */
@ExtendWith(OutputCaptureExtension.class)
class MultiInstanceTest {

    static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static ScaleWorld world;

    @BeforeAll
    static void world() {
        world = ScaleTests.world();
    }

    @AfterEach
    void calm() {
        world.webex().clearFaults();
        world.balancer().unpin();
    }

    @Test
    void aCommandDeliveredToEveryInstanceAtOnceAndAgainIsProcessedExactlyOnce() {
        world.deliverWebhooksToEachInstance();
        world.ensureOrganizerLinked();
        String run = Ids.random(6);
        String start = ZonedDateTime.now(VIENNA).plusDays(2).format(WHEN);
        int commands = 20;
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < commands; i++) {
            titles.add("Scale " + run + " no " + i);
        }

        List<Message> sent = Flux.fromIterable(titles)
                .flatMap(
                        title -> Mono.fromCallable(() -> world.say("create " + title + " | " + start + " | 30m"))
                                .subscribeOn(Schedulers.boundedElastic()),
                        6)
                .collectList()
                .block();
        Set<String> ids = sent.stream().map(Message::id).collect(Collectors.toSet());
        // Each event goes to all three instances at once; then every one of those deliveries comes a second time.
        await("three deliveries of every command")
                .atMost(Duration.ofSeconds(30))
                .until(() -> deliveriesOf(ids).size() >= 3 * commands);
        deliveriesOf(ids).forEach(delivery -> world.webex().duplicateDelivery(delivery.id()));

        await("a meeting and an answer for every command")
                .atMost(Duration.ofSeconds(60))
                .until(() ->
                        titles.stream().allMatch(title -> meetingsTitled(title) >= 1 && createdReplies(title) >= 1));
        await("every delivery answered")
                .atMost(Duration.ofSeconds(30))
                .until(() -> deliveriesOf(ids).size() == 6 * commands
                        && deliveriesOf(ids).stream().allMatch(Delivery::delivered));
        world.awaitEventsProcessed(Duration.ofSeconds(30));

        assertThat(titles).allSatisfy(title -> {
            assertThat(meetingsTitled(title)).as("meetings titled %s", title).isEqualTo(1);
            assertThat(createdReplies(title)).as("answers about %s", title).isEqualTo(1);
        });
        assertThat(world.webex().requests("POST", "/v1/meetings").stream()
                        .filter(e -> e.status() == 200)
                        .count())
                .isGreaterThanOrEqualTo(commands);
        Map<String, Long> byInstance =
                deliveriesOf(ids).stream().collect(Collectors.groupingBy(Delivery::targetUrl, Collectors.counting()));
        assertThat(byInstance)
                .hasSize(3)
                .allSatisfy((target, count) -> assertThat(count).isEqualTo(2L * commands));
        assertThat(deliveriesOf(ids)).allSatisfy(d -> assertThat(d.statuses()).allMatch(status -> status == 200));
    }

    @Test
    void theOutboxIsDrainedByAllInstancesWithoutSendingAnyMailTwice() {
        Meeting meeting =
                world.storedMeeting("Outbox " + Ids.random(6), Instant.now().plus(Duration.ofDays(3)));
        String run = Ids.random(6);
        int perBatch = 30;
        List<List<String>> batches = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            InvitationStore invitations = world.instance(b).getBean(InvitationStore.class);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < perBatch; i++) {
                Invitee guest = new Invitee("Guest " + b + "-" + i, "g" + b + "-" + i + "-" + run + "@example.com");
                AddResult added = invitations.add(meeting, guest).block();
                ids.add(added.invitation().id());
            }
            batches.add(ids);
        }
        List<String> expected = batches.stream()
                .flatMap(List::stream)
                .map(id -> world.instance(0)
                        .getBean(InvitationStore.class)
                        .findById(id)
                        .block()
                        .invitee()
                        .email())
                .toList();

        // Each batch is queued by a different instance; whichever instance reads an entry sends it.
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

        await("every invitation mailed")
                .atMost(Duration.ofSeconds(90))
                .until(() -> mailsTo(run).size() >= expected.size());
        await("a report per batch")
                .atMost(Duration.ofSeconds(30))
                .until(() -> reportsAbout(meeting.title()).size() >= 3);
        world.awaitOutboxSettled(Duration.ofSeconds(30));

        assertThat(mailsTo(run)).containsExactlyInAnyOrderElementsOf(expected);
        Set<String> senders = world.smtp().received().stream()
                .filter(mail -> Smtp.recipient(mail).contains(run))
                .map(Smtp::from)
                .collect(Collectors.toSet());
        assertThat(senders)
                .as("instances that sent mail")
                .containsExactlyInAnyOrder(
                        "instance-0@guestgate.test", "instance-1@guestgate.test", "instance-2@guestgate.test");
        assertThat(reportsAbout(meeting.title()))
                .hasSize(3)
                .allSatisfy(
                        report -> assertThat(ScaleWorld.content(report)).startsWith(perBatch + " invitations sent"));
    }

    @Test
    void idleInstancesPollTheOutboxWithoutErrors(CapturedOutput output) {
        int before = output.getAll().length();
        // Several outbox polls per instance (guestgate.outbox.poll-timeout, 1 s in the application) with nothing to
        // send: once every reader has started its sixth read, five have ended, and any that failed has logged why.
        try (OutboxReads reads =
                new OutboxReads(RedisServerProcess.HOST, ScaleTests.redis().port(), world.outboxStream(), "mailers")) {
            await("five idle outbox reads ended on every instance")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> reads.instancesWhoseReadersAllStarted(6) >= world.size());
        }

        assertThat(output.getAll().substring(before))
                .as("what the idle instances logged")
                .doesNotContain("could not read the outbox");
    }

    @Test
    void aGuestsLoginStartsOnOneInstanceAndFinishesOnAnother() {
        Meeting meeting = world.storedMeeting(
                "Cross-instance " + Ids.random(6), Instant.now().minus(Duration.ofMinutes(5)));
        ScaleWorld.InvitedGuest lena = world.invite(2, meeting, "Lena Lang", "lena@example.com");
        String token = lena.token();
        world.nextGuestLogin("lena-" + lena.invitation().id(), "Lena", "Lang", "lena@example.com");
        // The balancer sends the start of the login to instance 0, the identity provider's answer to instance 1
        // and the meeting page with the token to instance 2.
        Function<String, Integer> route = uri -> uri.startsWith("/login/oauth2/code/")
                ? 1
                : uri.endsWith("/meeting") || uri.endsWith("/session") ? 2 : 0;
        world.balancer().pin(route);
        world.balancer().clearHops();
        world.webex().clearRequests();

        GuestFlow.Admitted admitted = GuestFlow.admit(world.publicUrl(), token);

        assertThat(admitted.displayName()).isEqualTo("Lena Lang");
        assertThat(admitted.session().get("destination").asString())
                .isEqualTo(meeting.webex().sipAddress());
        WebexClient client = world.instance(1).getBean(WebexClient.class);
        assertThat(client.people()
                        .me(AccessToken.of(admitted.accessToken()))
                        .block()
                        .displayName())
                .isEqualTo("Lena Lang");
        List<JournalEntry> minted = world.webex().requests("POST", "/v1/guests/token");
        assertThat(minted)
                .hasSize(1)
                .allSatisfy(entry -> assertThat(entry.status()).isEqualTo(200));
        assertThat(world.instance(2)
                        .getBean(InvitationStore.class)
                        .findById(lena.invitation().id())
                        .block()
                        .status())
                .isEqualTo(InvitationStatus.ADMITTED);
        List<LoadBalancer.Hop> hops = world.balancer().hops();
        assertThat(hops)
                .filteredOn(hop -> hop.uri().startsWith("/oauth2/authorization/"))
                .singleElement()
                .extracting(LoadBalancer.Hop::instance)
                .isEqualTo(0);
        assertThat(hops)
                .filteredOn(hop -> hop.uri().startsWith("/login/oauth2/code/"))
                .singleElement()
                .extracting(LoadBalancer.Hop::instance)
                .isEqualTo(1);
        assertThat(hops)
                .filteredOn(hop -> hop.uri().endsWith("/session"))
                .singleElement()
                .extracting(LoadBalancer.Hop::instance)
                .isEqualTo(2);
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

    private static long createdReplies(String title) {
        return world.botMessages().stream()
                .filter(m -> ScaleWorld.content(m).contains("**" + title + "**"))
                .count();
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
