package io.guestgate.landing.join;

import io.guestgate.platform.redis.RedisKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sliding-window limits in Redis: each counted request is a member of a sorted set scored by its time, so a limit
 * of n per window means at most n in any window's length, with no burst of 2n around a window's edge. Dropping
 * the expired members, counting, adding and setting the expiry are one script, so a set is never left without a
 * TTL and instances never count past each other. A refused request is not counted.
 */
@Component("landingRateLimiter")
class RateLimiter {

    /** Returns 0 when the request is counted, else the milliseconds until the oldest counted request leaves. */
    private static final RedisScript<Long> COUNT = RedisScript.of("""
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
              redis.call('ZADD', KEYS[1], now, ARGV[4])
              redis.call('PEXPIRE', KEYS[1], window)
              return 0
            end
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            return math.max(1, tonumber(oldest[2]) + window - now)
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

    /** Counts a request from {@code address}: completes empty within the limit, else emits the wait. */
    Mono<Duration> countAddress(String address) {
        return allow("ip", address, properties.perIp());
    }

    /** Counts a request for {@code invitationId}: completes empty within the limit, else emits the wait. */
    Mono<Duration> countInvitation(String invitationId) {
        return allow("inv", invitationId, properties.perInvitation());
    }

    private Mono<Duration> allow(String kind, String subject, int limit) {
        long now = clock.millis();
        String member = now + "-" + UUID.randomUUID();
        List<String> args = List.of(
                Long.toString(now), Long.toString(properties.window().toMillis()), Integer.toString(limit), member);
        return redis.execute(COUNT, List.of(keys.key("ratelimit", kind, subject)), args)
                .next()
                .filter(wait -> wait > 0)
                .map(Duration::ofMillis);
    }
}
