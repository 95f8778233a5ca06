package io.guestgate.landing.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import io.guestgate.guestlist.redis.RedisKeys;
import io.guestgate.guestlist.testing.GuestlistTestProperties;

/** The counters on the real Redis: per address and per invitation, per window, always with a TTL. */
class RateLimiterTest {

    private static LettuceConnectionFactory connections;
    private static ReactiveStringRedisTemplate redis;

    private final RedisKeys keys = new RedisKeys(GuestlistTestProperties.uniquePrefix());
    private final RateLimitProperties limits = new RateLimitProperties(3, 2, Duration.ofMinutes(1));

    @BeforeAll
    static void connect() {
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        connections.afterPropertiesSet();
        connections.start();
        redis = new ReactiveStringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @Test
    void eachAddressGetsItsOwnAllowancePerWindow() {
        Instant start = Instant.parse("2026-11-30T09:00:10Z");
        RateLimiter limiter = new RateLimiter(redis, keys, limits, Clock.fixed(start, ZoneOffset.UTC));

        List<Boolean> first = List.of(limiter.allowAddress("203.0.113.7").block(),
                limiter.allowAddress("203.0.113.7").block(), limiter.allowAddress("203.0.113.7").block(),
                limiter.allowAddress("203.0.113.7").block());

        assertThat(first).containsExactly(true, true, true, false);
        assertThat(limiter.allowAddress("2001:db8::1").block()).isTrue();
        assertThat(limiter.retryAfterSeconds()).isEqualTo(50);

        RateLimiter nextWindow = new RateLimiter(redis, keys, limits,
                Clock.fixed(start.plus(Duration.ofMinutes(1)), ZoneOffset.UTC));
        assertThat(nextWindow.allowAddress("203.0.113.7").block()).isTrue();
    }

    @Test
    void invitationsHaveTheirOwnLimitAndEveryCounterExpires() {
        RateLimiter limiter = new RateLimiter(redis, keys, limits, Clock.systemUTC());

        assertThat(List.of(limiter.allowInvitation("m1-a").block(), limiter.allowInvitation("m1-a").block(),
                limiter.allowInvitation("m1-a").block())).containsExactly(true, true, false);

        List<String> counters = redis.keys(keys.prefix() + "ratelimit:*").collectList().block();
        assertThat(counters).isNotEmpty();
        for (String counter : counters) {
            Duration ttl = redis.getExpire(counter).block();
            assertThat(ttl).as(counter).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        }
    }
}
