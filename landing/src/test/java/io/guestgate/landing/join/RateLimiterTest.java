package io.guestgate.landing.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.testing.DomainTestProperties;
import io.guestgate.domain.testing.LocalRedis;
import io.guestgate.platform.redis.RedisKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The limits on the real Redis: per address and per invitation, over a sliding window, always with a TTL. */
class RateLimiterTest {

    @RegisterExtension
    static final LocalRedis local = new LocalRedis();

    private final ReactiveStringRedisTemplate redis = local.reactive();

    private final RedisKeys keys = new RedisKeys(DomainTestProperties.uniquePrefix());
    private final RateLimitProperties limits = new RateLimitProperties(3, 2, Duration.ofMinutes(1));

    @Test
    void eachAddressGetsItsOwnAllowanceInAnyWindowsLength() {
        Instant first = Instant.parse("2026-11-30T09:00:50Z");
        assertThat(at(first).countAddress("203.0.113.7").blockOptional()).isEmpty();
        // Past a minute's edge, where a fixed window would start counting afresh.
        RateLimiter later = at(first.plusSeconds(20));
        assertThat(later.countAddress("203.0.113.7").blockOptional()).isEmpty();
        assertThat(later.countAddress("203.0.113.7").blockOptional()).isEmpty();

        assertThat(later.countAddress("203.0.113.7").blockOptional()).contains(Duration.ofSeconds(40));
        assertThat(later.countAddress("2001:db8::1").blockOptional()).isEmpty();

        // The first request leaves the window, and only it.
        RateLimiter minuteAfterFirst = at(first.plusSeconds(60));
        assertThat(minuteAfterFirst.countAddress("203.0.113.7").blockOptional()).isEmpty();
        assertThat(minuteAfterFirst.countAddress("203.0.113.7").blockOptional()).contains(Duration.ofSeconds(20));
    }

    @Test
    void refusedRequestsAreNotCounted() {
        Instant start = Instant.parse("2026-11-30T10:00:00Z");
        RateLimiter limiter = at(start);
        limiter.countInvitation("m2-a").block();
        limiter.countInvitation("m2-a").block();
        for (int i = 0; i < 5; i++) {
            assertThat(at(start.plusSeconds(30)).countInvitation("m2-a").blockOptional())
                    .isPresent();
        }

        assertThat(at(start.plusSeconds(60)).countInvitation("m2-a").blockOptional())
                .isEmpty();
    }

    @Test
    void invitationsHaveTheirOwnLimitAndEveryCounterExpires() {
        RateLimiter limiter = new RateLimiter(redis, keys, limits, Clock.systemUTC());

        assertThat(limiter.countInvitation("m1-a").blockOptional()).isEmpty();
        assertThat(limiter.countInvitation("m1-a").blockOptional()).isEmpty();
        assertThat(limiter.countInvitation("m1-a").blockOptional()).isPresent();

        List<String> counters =
                redis.keys(keys.prefix() + "ratelimit:*").collectList().block();
        assertThat(counters).isNotEmpty();
        for (String counter : counters) {
            Duration ttl = redis.getExpire(counter).block();
            assertThat(ttl).as(counter).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        }
    }

    private RateLimiter at(Instant now) {
        return new RateLimiter(redis, keys, limits, Clock.fixed(now, ZoneOffset.UTC));
    }
}
