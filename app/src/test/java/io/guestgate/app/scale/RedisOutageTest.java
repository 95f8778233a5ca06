package io.guestgate.app.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.bot.invite.outbox.Outbox;
import io.guestgate.bot.invite.outbox.OutboxBatch;
import io.guestgate.domain.cluster.RedisServerProcess;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.emulator.messages.Message;
import io.guestgate.emulator.webhooks.Delivery;
import io.guestgate.platform.redis.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Redis stopped while organizers keep writing to the bot through three instances, and started again (empty, as it
 * runs without persistence here). While it is down, webhooks must get 503, so that Webex (the emulator) delivers
 * them again; afterwards every command that was sent must have been answered exactly once.
 * <p>
 * Commands the instances gave up on during the outage may still reach Redis once it is back (the client sends what it
 * had queued). Neither test gives the instances more time than production settings do: a late dedupe claim holds an
 * event for the dedupe lease (30 s) and a late stream read is taken up by its reader, not after the claim idle time.
 */
class RedisOutageTest {

    static ScaleWorld world;
    static RedisServerProcess redis;

    @BeforeAll
    static void world() {
        world = ScaleTests.world();
        redis = ScaleTests.redis();
    }

    @Test
    void webhooksGet503DuringTheOutageAndEveryCommandIsAnsweredOnceAfterwards() throws Exception {
        // One delivery per event, through the balancer: only a refused delivery comes again, so after a restart that
        // lost every record, nothing that was answered before can come back.
        world.deliverWebhooksThroughBalancer();
        String run = Ids.random(5);
        List<String> words = Collections.synchronizedList(new ArrayList<>());
        List<Message> sent = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean sending = new AtomicBoolean(true);
        // Words the bot does not know are echoed in its answer and need nothing stored, so they can be answered
        // after Redis came back empty. The organizer writes one about every 100 ms, up to 400, until told to stop.
        CompletableFuture<Void> organizer = Flux.interval(Duration.ofMillis(100))
                .onBackpressureDrop()
                .takeWhile(i -> sending.get() && i < 400)
                .concatMap(
                        i -> Mono.fromRunnable(() -> {
                                    String word = "probe" + run + "x" + i;
                                    words.add(word);
                                    sent.add(world.say(word));
                                })
                                .subscribeOn(Schedulers.boundedElastic()),
                        1)
                .then()
                .toFuture();

        await("words answered before the outage").atMost(Duration.ofSeconds(30)).until(() -> answered(words) >= 10);
        Instant down = Instant.now();
        // Longer than Webex (the emulator: 5 s) waits for an answer to a delivery.
        redis.outage(Duration.ofSeconds(8));
        Instant up = Instant.now();
        int writtenByThen = words.size();
        await("words written after the outage answered")
                .atMost(Duration.ofSeconds(60))
                .until(() -> words.size() > writtenByThen + 10 && answersTo(words.get(writtenByThen + 10)) >= 1);
        sending.set(false);
        organizer.get(30, TimeUnit.SECONDS);

        try {
            await("an answer to every word")
                    .atMost(Duration.ofSeconds(120))
                    .until(() -> words.stream().allMatch(word -> answersTo(word) >= 1));
        } catch (ConditionTimeoutException e) {
            List<String> unanswered =
                    words.stream().filter(word -> answersTo(word) == 0).toList();
            List<String> ids = sent.stream()
                    .filter(m -> unanswered.contains(m.text()))
                    .map(Message::id)
                    .toList();
            throw new AssertionError(e.getMessage() + ": " + unanswered.size() + " of " + words.size()
                    + " unanswered; their deliveries: "
                    + world.webex().deliveries().stream()
                            .filter(d -> ids.contains(d.dataId()))
                            .map(d -> d.attempts().stream()
                                    .map(a -> a.status() + "@" + a.time())
                                    .toList())
                            .toList());
        }
        // Webex delivers nothing more (every delivery accepted) and the instances are done with what they took in.
        await("every delivery accepted")
                .atMost(Duration.ofSeconds(60))
                .until(() -> deliveriesOf(sent).stream().allMatch(Delivery::delivered));
        world.awaitEventsProcessed(Duration.ofSeconds(60));
        assertThat(words)
                .hasSizeGreaterThan(50)
                .allSatisfy(word ->
                        assertThat(answersTo(word)).as("answers to %s", word).isEqualTo(1));
        List<Delivery> deliveries = deliveriesOf(sent);
        assertThat(deliveries)
                .as("every delivery eventually accepted")
                .allSatisfy(d -> assertThat(d.delivered()).isTrue());
        Map<Integer, Long> statuses = deliveries.stream()
                .flatMap(d -> d.attempts().stream())
                .filter(a -> a.time().isAfter(down.plusMillis(500)) && a.time().isBefore(up))
                .collect(Collectors.groupingBy(Delivery.Attempt::status, Collectors.counting()));
        assertThat(statuses)
                .as("answers to deliveries while Redis was down")
                .containsKey(503)
                .allSatisfy((status, count) -> assertThat(status).isIn(200, 503));
    }

    @Test
    void theOutboxSendsAgainAfterRedisCameBackEmpty() {
        redis.outage(Duration.ofMillis(1500));
        awaitEveryInstanceReconnected();
        Meeting meeting = retrying(
                "store a meeting",
                () -> world.storedMeeting(
                        "After outage " + Ids.random(6), Instant.now().plus(Duration.ofDays(2))));
        String run = Ids.random(6);
        List<String> ids = new ArrayList<>();
        InvitationStore invitations = world.instance(0).getBean(InvitationStore.class);
        for (int i = 0; i < 6; i++) {
            Invitee invitee = new Invitee("Guest " + i, "after-" + i + "-" + run + "@example.com");
            ids.add(retrying(
                    "add an invitation",
                    () -> invitations.add(meeting, invitee).block().invitation().id()));
        }

        world.instance(1)
                .getBean(Outbox.class)
                .enqueue(new OutboxBatch(
                        world.organizer().id(), meeting.id(), meeting.title(), MailPurpose.INVITE, Language.EN, ids))
                .block();

        try {
            await("the mails queued after the outage")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> world.smtp().recipients().stream()
                                    .filter(a -> a.contains(run))
                                    .count()
                            >= 6);
        } catch (ConditionTimeoutException e) {
            String stream = world.keyPrefix() + "{outbox}:stream";
            throw new AssertionError(e.getMessage() + "; stream length " + redis.command("XLEN", stream)
                    + ", groups " + redis.command("XINFO", "GROUPS", stream)
                    + ", pending " + redis.command("XPENDING", stream, "mailers"));
        }
        assertThat(world.smtp().recipients().stream().filter(a -> a.contains(run)))
                .hasSize(6)
                .doesNotHaveDuplicates();
    }

    /**
     * A test's own setup step, tried again for up to 10 s while it fails: right after Redis restarted, a command in
     * flight on a connection the old server reset fails, and the step is setup, not what is under test.
     */
    private static <T> T retrying(String what, Callable<T> step) {
        return await(what)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(step, Objects::nonNull);
    }

    private static long answered(List<String> words) {
        return List.copyOf(words).stream().filter(word -> answersTo(word) >= 1).count();
    }

    /** Until each instance's Redis connection answers again; it reconnects on its own, with a backoff. */
    private static void awaitEveryInstanceReconnected() {
        for (int i = 0; i < world.size(); i++) {
            ReactiveStringRedisTemplate redisOfInstance = world.instance(i).getBean(ReactiveStringRedisTemplate.class);
            await("instance " + i + " reconnected to Redis")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> answersPing(redisOfInstance));
        }
    }

    private static boolean answersPing(ReactiveStringRedisTemplate redisOfInstance) {
        try {
            return "PONG"
                    .equals(redisOfInstance
                            .execute(connection -> connection.ping())
                            .blockFirst(Duration.ofSeconds(2)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long answersTo(String word) {
        // The answer quotes the word: "I don't know “probe…x1”", which is not an answer to probe…x10.
        return world.botMessages().stream()
                .filter(m -> ScaleWorld.content(m).contains("\u201c" + word + "\u201d"))
                .count();
    }

    private static List<Delivery> deliveriesOf(List<Message> sent) {
        List<String> ids = sent.stream().map(Message::id).toList();
        return world.webex().deliveries().stream()
                .filter(d -> ids.contains(d.dataId()))
                .toList();
    }
}
