package io.guestgate.bot.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.bot.BotProperties;
import io.guestgate.bot.chain.WebhookEvent.Kind;
import io.guestgate.bot.i18n.Language;
import io.guestgate.domain.testing.DomainTestProperties;
import io.guestgate.domain.testing.LocalRedis;
import io.guestgate.platform.redis.RedisKeys;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.stream.PendingMessagesSummary;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Processing taken-in events from the shared stream, on the real Redis, with a lambda as the chain. */
class EventProcessorTest {

    @RegisterExtension
    static final LocalRedis local = new LocalRedis();

    private final ReactiveStringRedisTemplate redis = local.reactive();

    private final RedisKeys keys = new RedisKeys(DomainTestProperties.uniquePrefix());
    private final Sinks.Empty<Void> release = Sinks.empty();
    private final List<String> started = new CopyOnWriteArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private EventProcessor processor;

    @AfterEach
    void stop() {
        release.tryEmitEmpty();
        if (processor != null && processor.isRunning()) {
            processor.stop();
        }
    }

    @Test
    void processesAtMostConcurrencyAtOnceAndSettlesEveryEvent() {
        BotProperties properties = properties(2, null);
        IntakeQueue queue = new IntakeQueue(redis, keys, properties);
        processor = new EventProcessor(this::slow, queue.group(), properties);
        processor.start();

        for (int i = 1; i <= 4; i++) {
            assertThat(queue.accept(event("M" + i)).block()).isEqualTo(IntakeQueue.Acceptance.ACCEPTED);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> started.size() == 2);
        // Each reader takes one event at a time: the other two wait in the stream, handed to no one.
        assertThat(pendingCount(queue)).isEqualTo(2);
        assertThat(streamLength(queue)).isEqualTo(4);
        assertThat(mostAtOnce.get()).isEqualTo(2);

        release.tryEmitEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> started.size() == 4);
        assertThat(started).containsExactlyInAnyOrder("M1", "M2", "M3", "M4");
        assertThat(mostAtOnce.get()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> streamLength(queue) == 0);
    }

    @Test
    void aFailingEventDoesNotStopTheOthersAndIsNotTriedAgain() {
        BotProperties properties = properties(1, null);
        IntakeQueue queue = new IntakeQueue(redis, keys, properties);
        processor = new EventProcessor(
                event -> {
                    started.add(event.dataId());
                    return event.dataId().equals("BAD") ? Mono.error(new IllegalStateException("boom")) : Mono.empty();
                },
                queue.group(),
                properties);
        processor.start();

        queue.accept(event("BAD")).block();
        queue.accept(event("GOOD")).block();

        // Both settled (acknowledged and deleted): nothing is left that could hand the failed one out again.
        await().atMost(Duration.ofSeconds(5)).until(() -> streamLength(queue) == 0);
        assertThat(pendingCount(queue)).isZero();
        assertThat(started).containsExactly("BAD", "GOOD");
    }

    @Test
    void anEventLeftByAnInstanceThatDiedIsTakenOverAfterTheClaimIdleTime() {
        BotProperties properties = properties(2, null);
        IntakeQueue queue = new IntakeQueue(redis, keys, properties);
        queue.accept(event("ORPHAN")).block();
        queue.group().ensureGroup().block();
        assertThat(queue.group()
                        .read("gone-0", 1, Duration.ofMillis(10))
                        .collectList()
                        .block())
                .hasSize(1);

        processor = new EventProcessor(this::quick, queue.group(), properties);
        processor.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> started.contains("ORPHAN"));
        await().atMost(Duration.ofSeconds(5)).until(() -> streamLength(queue) == 0);
        assertThat(started).containsExactly("ORPHAN");
    }

    /**
     * During a Redis outage a reader gives up on its read, but the client sends it once Redis is back: Redis hands an
     * event to the reader, which no longer waits for it. Played here by reading as that reader before it starts.
     */
    @Test
    void anEventHandedToAReaderThatHadGivenUpIsTakenUpAtOnce() {
        BotProperties properties = properties(2, "late");
        IntakeQueue queue = new IntakeQueue(redis, keys, properties);
        queue.accept(event("LATE")).block();
        queue.group().ensureGroup().block();
        assertThat(queue.group()
                        .read("late-1", 1, Duration.ofMillis(10))
                        .collectList()
                        .block())
                .hasSize(1);

        processor = new EventProcessor(this::quick, queue.group(), properties);
        processor.start();

        // Well before the claim idle time (2 s) could let anyone claim it.
        await().atMost(Duration.ofMillis(1500)).until(() -> started.contains("LATE"));
        await().atMost(Duration.ofSeconds(5)).until(() -> streamLength(queue) == 0);
    }

    @Test
    void readsNothingOnceStopped() {
        BotProperties properties = properties(1, null);
        IntakeQueue queue = new IntakeQueue(redis, keys, properties);
        processor = new EventProcessor(this::quick, queue.group(), properties);
        processor.start();
        processor.stop();

        queue.accept(event("AFTER")).block();

        // stop() returns once every read of the processor has ended: the event was handed to no one, and the next
        // instance's first read gets it.
        queue.group().ensureGroup().block();
        assertThat(queue.group()
                        .read("next-instance", 10, Duration.ofMillis(10))
                        .collectList()
                        .block())
                .as("left for the next instance")
                .extracting(entry -> entry.fields().get("id"))
                .containsExactly("AFTER");
        assertThat(started).isEmpty();
    }

    private Mono<Void> slow(WebhookEvent event) {
        return Mono.defer(() -> {
                    started.add(event.dataId());
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    return release.asMono();
                })
                .doOnTerminate(running::decrementAndGet);
    }

    private Mono<Void> quick(WebhookEvent event) {
        return Mono.fromRunnable(() -> started.add(event.dataId()));
    }

    /** How many events the group has handed out and not yet had settled. */
    private long pendingCount(IntakeQueue queue) {
        PendingMessagesSummary pending = redis.opsForStream()
                .pending(queue.group().stream(), queue.group().group())
                .block();
        return pending == null ? 0 : pending.getTotalPendingMessages();
    }

    private long streamLength(IntakeQueue queue) {
        Long size = redis.opsForStream().size(queue.group().stream()).block();
        return size == null ? 0 : size;
    }

    private static WebhookEvent event(String id) {
        return new WebhookEvent(Kind.MESSAGE, id, "R1", "P1", "o@example.com");
    }

    private static BotProperties properties(int concurrency, String consumerName) {
        return new BotProperties(
                Language.EN,
                new BotProperties.Intake(
                        Duration.ofHours(1),
                        concurrency,
                        100,
                        Duration.ofSeconds(1),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(2),
                        consumerName));
    }
}
