package io.guestgate.bot.webhook;

import java.time.Duration;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.guestgate.bot.BotProperties;
import io.guestgate.bot.chain.WebhookEvent;
import io.guestgate.guestlist.redis.RedisKeys;
import reactor.core.publisher.Mono;

/**
 * Webex delivers at least once, so the same event may come twice, even at the same moment to two instances. The
 * first delivery records {@code data.id} with {@code SET NX} and a TTL and goes on; every later one is acknowledged
 * and dropped. When Redis cannot record it, the answer is 503, so Webex delivers again and nothing is lost. When the
 * rest of the intake refuses the event (503), the record is removed again so that redelivery is processed.
 */
@Component
class Deduplicate implements IntakeStep<WebhookEvent, WebhookEvent> {

    private static final Logger log = LoggerFactory.getLogger(Deduplicate.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final Duration ttl;

    Deduplicate(ReactiveStringRedisTemplate redis, RedisKeys keys, BotProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.ttl = properties.intake().dedupeTtl();
    }

    @Override
    public Mono<HttpStatus> apply(WebhookEvent event, Function<WebhookEvent, Mono<HttpStatus>> next) {
        String key = key(event);
        return redis.opsForValue().setIfAbsent(key, "1", ttl)
                .defaultIfEmpty(false)
                .onErrorResume(error -> {
                    log.warn("Could not record event {} {} in Redis, answering 503 for redelivery: {}", event.kind(),
                            event.dataId(), error.toString());
                    return Mono.empty();
                })
                .flatMap(first -> first ? forward(key, event, next) : Mono.just(HttpStatus.OK))
                .defaultIfEmpty(HttpStatus.SERVICE_UNAVAILABLE);
    }

    private Mono<HttpStatus> forward(String key, WebhookEvent event, Function<WebhookEvent, Mono<HttpStatus>> next) {
        return next.apply(event).flatMap(status -> {
            if (status != HttpStatus.SERVICE_UNAVAILABLE) {
                return Mono.just(status);
            }
            return redis.delete(key).onErrorResume(error -> Mono.just(0L)).thenReturn(status);
        });
    }

    String key(WebhookEvent event) {
        return keys.key("webhook", "seen", event.dataId());
    }
}
