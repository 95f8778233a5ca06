package io.guestgate.bot.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.bot.BotProperties;
import io.guestgate.bot.chain.IntakeQueue.Acceptance;
import io.guestgate.bot.chain.WebhookEvent.Kind;
import io.guestgate.bot.i18n.Language;
import io.guestgate.domain.testing.DomainTestProperties;
import io.guestgate.domain.testing.LocalRedis;
import io.guestgate.platform.redis.RedisKeys;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;

/** Taking events in, on the real Redis. */
class IntakeQueueTest {

    @RegisterExtension
    static final LocalRedis local = new LocalRedis();

    private final ReactiveStringRedisTemplate redis = local.reactive();

    private final RedisKeys keys = new RedisKeys(DomainTestProperties.uniquePrefix());

    @Test
    void takesAnEventInOnceAndRemembersItsIdWithATtl() {
        IntakeQueue queue = new IntakeQueue(redis, keys, properties(10));
        WebhookEvent event = event("M" + System.nanoTime());

        assertThat(queue.accept(event).block()).isEqualTo(Acceptance.ACCEPTED);
        assertThat(queue.accept(event).block()).isEqualTo(Acceptance.DUPLICATE);

        assertThat(redis.opsForStream().size(queue.group().stream()).block()).isEqualTo(1L);
        var entry = redis.<String, String>opsForStream()
                .range(queue.group().stream(), org.springframework.data.domain.Range.unbounded())
                .blockFirst();
        assertThat(IntakeQueue.event(entry.getValue())).isEqualTo(event);
        assertThat(redis.getExpire(queue.seenKey(event.dataId())).block())
                .isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
    }

    @Test
    void ofDeliveriesArrivingAtTheSameMomentExactlyOneTakesTheEventIn() {
        IntakeQueue queue = new IntakeQueue(redis, keys, properties(10));
        WebhookEvent event = event("M" + System.nanoTime());

        List<Acceptance> answers =
                Flux.range(0, 8).flatMap(i -> queue.accept(event)).collectList().block();

        assertThat(answers).hasSize(8).containsOnlyOnce(Acceptance.ACCEPTED);
        assertThat(redis.opsForStream().size(queue.group().stream()).block()).isEqualTo(1L);
    }

    @Test
    void refusesWhenTooManyWaitAndWritesNothing() {
        IntakeQueue queue = new IntakeQueue(redis, keys, properties(2));
        assertThat(queue.accept(event("A" + System.nanoTime())).block()).isEqualTo(Acceptance.ACCEPTED);
        assertThat(queue.accept(event("B" + System.nanoTime())).block()).isEqualTo(Acceptance.ACCEPTED);
        WebhookEvent third = event("C" + System.nanoTime());

        assertThat(queue.accept(third).block()).isEqualTo(Acceptance.FULL);

        assertThat(redis.hasKey(queue.seenKey(third.dataId())).block())
                .as("not marked as seen")
                .isFalse();
        assertThat(redis.opsForStream().size(queue.group().stream()).block()).isEqualTo(2L);
    }

    private static WebhookEvent event(String id) {
        return new WebhookEvent(Kind.MESSAGE, id, "R1", "P1", "o@example.com");
    }

    static BotProperties properties(int capacity) {
        return new BotProperties(
                Language.EN,
                new BotProperties.Intake(
                        Duration.ofHours(1),
                        2,
                        capacity,
                        Duration.ofSeconds(1),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(2),
                        null));
    }
}
