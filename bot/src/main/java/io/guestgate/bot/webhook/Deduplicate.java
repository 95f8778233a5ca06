package io.guestgate.bot.webhook;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.guestgate.bot.BotProperties;
import io.guestgate.bot.chain.WebhookEvent;
import io.guestgate.guestlist.redis.RedisKeys;
import reactor.core.publisher.Mono;

/**
 * Webex delivers at least once, so the same event may come twice, even at the same moment to two instances. Each
 * delivery is one attempt to take the event in, and the event's record in Redis says how far that got:
 * <ol>
 * <li><b>claim</b>: the first attempt writes its own random id, for the dedupe lease only;</li>
 * <li>it hands the event to the processor, then <b>confirms</b>: the record becomes {@code done} for the dedupe TTL
 * and the answer is 200. If the processor refuses it, the attempt <b>releases</b> its record and answers 503, so
 * that Webex delivers again.</li>
 * </ol>
 * A delivery that finds {@code done} is a duplicate: 200 and nothing else. One that finds another attempt's id waits
 * a moment for that attempt to finish, and answers 503 if it does not, so Webex tries again later.
 * <p>
 * Why not one {@code SET NX}: when Redis goes away, the client keeps commands it could not send and sends them when
 * the connection is back, even those the intake gave up on (and answered 503). A late {@code SET NX} would mark the
 * event seen although nobody took it in, and the redelivery would be dropped. A late claim here holds an attempt id
 * nobody confirms, so it only delays redeliveries until its lease ends. Every write is conditional on the record's
 * value, so a late release or confirm cannot touch another attempt's record.
 */
@Component
class Deduplicate implements IntakeStep<WebhookEvent, WebhookEvent> {

    private static final Logger log = LoggerFactory.getLogger(Deduplicate.class);

    static final String DONE = "done";

    /** How often, and how far apart, a duplicate looks again whether the attempt holding the event has finished. */
    private static final int WAIT_ROUNDS = 40;
    private static final Duration WAIT_STEP = Duration.ofMillis(50);

    /** KEYS: record. ARGV: attempt id, lease ms. Empty string when this attempt now holds the event; else the value. */
    private static final RedisScript<String> CLAIM = RedisScript.of("""
            local held = redis.call('GET', KEYS[1])
            if held then
              return held
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return ''
            """, String.class);

    /** KEYS: record. ARGV: attempt id, ttl ms. 1 when the attempt's claim became {@code done}. */
    private static final RedisScript<Long> CONFIRM = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('SET', KEYS[1], 'done', 'PX', ARGV[2])
              return 1
            end
            return 0
            """, Long.class);

    /** KEYS: record. ARGV: attempt id. Removes the record only while this attempt holds it. */
    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final String ttl;
    private final String lease;

    Deduplicate(ReactiveStringRedisTemplate redis, RedisKeys keys, BotProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.ttl = Long.toString(properties.intake().dedupeTtl().toMillis());
        this.lease = Long.toString(properties.intake().dedupeLease().toMillis());
    }

    @Override
    public Mono<HttpStatus> apply(WebhookEvent event, Function<WebhookEvent, Mono<HttpStatus>> next) {
        String key = key(event);
        String attempt = attemptId();
        return admit(key, attempt, event, next, 1)
                .onErrorResume(error -> {
                    log.warn("Could not record event {} {} in Redis, answering 503 for redelivery: {}", event.kind(),
                            event.dataId(), error.toString());
                    return release(key, attempt).thenReturn(HttpStatus.SERVICE_UNAVAILABLE);
                });
    }

    private Mono<HttpStatus> admit(String key, String attempt, WebhookEvent event,
            Function<WebhookEvent, Mono<HttpStatus>> next, int round) {
        return redis.execute(CLAIM, List.of(key), List.of(attempt, lease)).next().flatMap(held -> {
            if (held.isEmpty()) {
                return forward(key, attempt, event, next);
            }
            if (DONE.equals(held)) {
                return Mono.just(HttpStatus.OK);
            }
            if (round >= WAIT_ROUNDS) {
                log.info("Event {} {} is still being taken in by another delivery; answering 503 for redelivery",
                        event.kind(), event.dataId());
                return Mono.just(HttpStatus.SERVICE_UNAVAILABLE);
            }
            return Mono.delay(WAIT_STEP).then(Mono.defer(() -> admit(key, attempt, event, next, round + 1)));
        });
    }

    private Mono<HttpStatus> forward(String key, String attempt, WebhookEvent event,
            Function<WebhookEvent, Mono<HttpStatus>> next) {
        return next.apply(event).flatMap(status -> {
            if (status == HttpStatus.SERVICE_UNAVAILABLE) {
                return release(key, attempt).thenReturn(status);
            }
            // The event is with the processor now, so the answer is 200 whatever happens here: a 503 would bring it
            // back to be processed twice. Without the confirmation, the record still holds it for the lease.
            return redis.execute(CONFIRM, List.of(key), List.of(attempt, ttl)).next()
                    .doOnNext(confirmed -> {
                        if (confirmed == 0L) {
                            log.warn("Event {} {} was taken in after its dedupe lease ran out; a redelivery may be "
                                    + "processed again", event.kind(), event.dataId());
                        }
                    })
                    .onErrorResume(error -> {
                        log.warn("Event {} {} taken in, but its dedupe record was not confirmed in Redis: {}",
                                event.kind(), event.dataId(), error.toString());
                        return Mono.empty();
                    })
                    .thenReturn(status);
        });
    }

    private Mono<Long> release(String key, String attempt) {
        return redis.execute(RELEASE, List.of(key), List.of(attempt)).next()
                .onErrorResume(error -> Mono.just(0L));
    }

    /**
     * Only has to differ from other attempts at the same event; nobody gains by guessing it, so it comes from the
     * thread's fast generator rather than a {@code SecureRandom} per webhook.
     */
    private static String attemptId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Long.toUnsignedString(random.nextLong(), 36) + "-" + Long.toUnsignedString(random.nextLong(), 36);
    }

    String key(WebhookEvent event) {
        return keys.key("webhook", "seen", event.dataId());
    }
}
