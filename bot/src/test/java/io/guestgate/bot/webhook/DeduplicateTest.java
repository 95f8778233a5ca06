package io.guestgate.bot.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;

import io.guestgate.bot.BotProperties;
import io.guestgate.bot.chain.WebhookEvent;
import io.guestgate.bot.chain.WebhookEvent.Kind;
import io.guestgate.bot.i18n.Language;
import io.guestgate.guestlist.redis.RedisKeys;
import io.guestgate.guestlist.testing.GuestlistTestProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Deduplication on the real Redis, with a lambda as "next". */
class DeduplicateTest {

    static LettuceConnectionFactory connection;
    static ReactiveStringRedisTemplate redis;

    private final RedisKeys keys = new RedisKeys(GuestlistTestProperties.uniquePrefix());
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeAll
    static void connect() {
        connection = new LettuceConnectionFactory("127.0.0.1", 6379);
        connection.afterPropertiesSet();
        connection.start();
        redis = new ReactiveStringRedisTemplate(connection);
    }

    @AfterAll
    static void disconnect() {
        connection.destroy();
    }

    @Test
    void handsOnTheFirstDeliveryOnlyAndRemembersItWithATtl() {
        Deduplicate step = new Deduplicate(redis, keys, properties());
        WebhookEvent event = event();

        assertThat(step.apply(event, this::accepted).block()).isEqualTo(HttpStatus.OK);
        assertThat(step.apply(event, this::accepted).block()).isEqualTo(HttpStatus.OK);

        assertThat(calls.get()).isEqualTo(1);
        assertThat(redis.opsForValue().get(step.key(event)).block()).isEqualTo(Deduplicate.DONE);
        Duration ttl = redis.getExpire(step.key(event)).block();
        assertThat(ttl).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
    }

    @Test
    void deliveriesArrivingWhileTheFirstIsStillBeingTakenInWaitForItAndAreNotProcessedAgain() {
        Deduplicate step = new Deduplicate(redis, keys, properties());
        WebhookEvent event = event();

        List<HttpStatus> answers = Flux.range(0, 4)
                .flatMap(i -> step.apply(event, e -> Mono.delay(Duration.ofMillis(300)).then(accepted(e))))
                .collectList().block();

        assertThat(answers).containsOnly(HttpStatus.OK).hasSize(4);
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void aRecordNobodyConfirmsHoldsRedeliveriesOffOnlyUntilItsLeaseEnds() {
        Deduplicate step = new Deduplicate(redis, keys, properties());
        WebhookEvent event = event();
        // What a claim looks like that reached Redis after its delivery had already been answered 503.
        redis.opsForValue().set(step.key(event), "lateattempt", Duration.ofSeconds(30)).block();

        assertThat(step.apply(event, this::accepted).block()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(calls.get()).isZero();
        assertThat(redis.opsForValue().get(step.key(event)).block()).isEqualTo("lateattempt");

        redis.opsForValue().set(step.key(event), "lateattempt", Duration.ofMillis(400)).block();
        assertThat(step.apply(event, this::accepted).block()).isEqualTo(HttpStatus.OK);
        assertThat(calls.get()).isEqualTo(1);
        assertThat(redis.opsForValue().get(step.key(event)).block()).isEqualTo(Deduplicate.DONE);
    }

    @Test
    void aRefusedAttemptLeavesAnotherAttemptsRecordAlone() {
        Deduplicate step = new Deduplicate(redis, keys, properties());
        WebhookEvent event = event();

        // The processor refuses; meanwhile (say, after its lease ran out) another delivery took the event in.
        assertThat(step.apply(event, refused -> redis.opsForValue().set(step.key(event), Deduplicate.DONE)
                .thenReturn(HttpStatus.SERVICE_UNAVAILABLE)).block()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        assertThat(redis.opsForValue().get(step.key(event)).block()).isEqualTo(Deduplicate.DONE);
    }

    @Test
    void forgetsAnEventTheProcessorRefusedSoTheRedeliveryIsProcessed() {
        Deduplicate step = new Deduplicate(redis, keys, properties());
        WebhookEvent event = event();

        assertThat(step.apply(event, refused -> Mono.just(HttpStatus.SERVICE_UNAVAILABLE)).block())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(redis.hasKey(step.key(event)).block()).isFalse();

        assertThat(step.apply(event, this::accepted).block()).isEqualTo(HttpStatus.OK);
        assertThat(calls.get()).isEqualTo(1);
    }

    private Mono<HttpStatus> accepted(WebhookEvent event) {
        calls.incrementAndGet();
        return Mono.just(HttpStatus.OK);
    }

    private static WebhookEvent event() {
        return new WebhookEvent(Kind.MESSAGE, "M" + System.nanoTime(), "R1", "P1", "o@example.com");
    }

    private static BotProperties properties() {
        return new BotProperties(List.of(), Language.EN, new BotProperties.Intake(Duration.ofHours(1), Duration.ofSeconds(30), 1, 1,
                Duration.ofSeconds(10), Duration.ofSeconds(1)));
    }
}
