package io.guestgate.landing.join;

import java.time.Clock;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import io.guestgate.guestlist.redis.RedisKeys;
import reactor.core.publisher.Mono;

/**
 * Fixed-window counters in Redis. Counting and setting the expiry are one script, so a counter can never be left
 * without a TTL.
 */
@Component("landingRateLimiter")
class RateLimiter {

    private static final RedisScript<Long> COUNT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return count
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final RateLimitProperties properties;
    private final Clock clock;

    RateLimiter(ReactiveStringRedisTemplate redis, RedisKeys keys, RateLimitProperties properties, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** Counts a request from {@code address}; true while within the limit. */
    Mono<Boolean> allowAddress(String address) {
        return allow("ip", address, properties.perIp());
    }

    /** Counts a request for {@code invitationId}; true while within the limit. */
    Mono<Boolean> allowInvitation(String invitationId) {
        return allow("inv", invitationId, properties.perInvitation());
    }

    /** Seconds until the current window ends. */
    long retryAfterSeconds() {
        long windowMillis = properties.window().toMillis();
        long left = windowMillis - clock.millis() % windowMillis;
        return Math.max(1, (left + 999) / 1000);
    }

    private Mono<Boolean> allow(String kind, String subject, int limit) {
        long windowMillis = properties.window().toMillis();
        long window = clock.millis() / windowMillis;
        String key = keys.key("ratelimit", kind, subject, Long.toString(window));
        return redis.execute(COUNT, List.of(key), List.of(Long.toString(windowMillis)))
                .next()
                .map(count -> count <= limit);
    }
}
