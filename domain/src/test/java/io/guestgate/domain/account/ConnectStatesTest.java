package io.guestgate.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.testing.DomainTestApplication;
import io.guestgate.domain.testing.DomainTestProperties;
import io.guestgate.domain.testing.MutableClock;
import io.guestgate.platform.redis.RedisKeys;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Pending logins on the real Redis. */
@SpringBootTest(classes = DomainTestApplication.class)
class ConnectStatesTest {

    static final String ANNA = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9hbm5h";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DomainTestProperties.register(registry);
    }

    @Autowired
    ConnectStates states;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    RedisKeys keys;

    @Autowired
    MutableClock clock;

    @Test
    void aStateIsBoundToThePersonAndCarriesAVerifier() {
        String state = states.create(ANNA).block();

        ConnectState pending = states.peek(state).block();

        assertThat(state).matches("[A-Za-z0-9_-]{43}");
        assertThat(pending.personId()).isEqualTo(ANNA);
        assertThat(pending.codeVerifier()).matches("[A-Za-z0-9_-]{43,128}");
    }

    @Test
    void peekingLeavesTheStateButConsumingUsesItUp() {
        String state = states.create(ANNA).block();

        assertThat(states.peek(state).block()).isNotNull();
        assertThat(states.peek(state).block()).isNotNull();
        assertThat(states.consume(state).block()).isNotNull();
        assertThat(states.consume(state).block()).isNull();
        assertThat(states.peek(state).block()).isNull();
    }

    @Test
    void onlyOneOfManyConcurrentCallbacksGetsTheState() {
        String state = states.create(ANNA).block();

        long winners = Flux.range(0, 16)
                .flatMap(i -> states.consume(state).subscribeOn(Schedulers.parallel()))
                .count()
                .block();

        assertThat(winners).isEqualTo(1);
    }

    @Test
    void expiresAfterTenMinutes() {
        String state = states.create(ANNA).block();
        String key = states.key(Randoms.sha256Hex(state));

        assertThat(redis.getExpire(key).block()).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(9));
        assertThat(states.peek(state).block()).isNotNull();
        clock.advance(Duration.ofMinutes(1));
        assertThat(states.peek(state).block()).isNull();
        assertThat(states.consume(state).block()).isNull();
    }

    @Test
    void expiresAfterTenMinutesEvenWhenRedisLostTheTimeToLive() {
        String state = states.create(ANNA).block();
        redis.persist(states.key(Randoms.sha256Hex(state))).block();

        clock.advance(Duration.ofMinutes(10));

        assertThat(states.peek(state).block()).isNull();
        assertThat(states.consume(state).block()).isNull();
    }

    @Test
    void unknownAndMalformedStatesFindNothing() {
        assertThat(states.consume(Randoms.random256()).block()).isNull();
        assertThat(states.consume("").block()).isNull();
        assertThat(states.consume(null).block()).isNull();
        assertThat(states.consume("x".repeat(10_000)).block()).isNull();
    }

    @Test
    void redisHoldsNeitherTheStateNorTheVerifier() {
        String state = states.create(ANNA).block();
        String verifier = states.peek(state).block().codeVerifier();

        assertThat(EmulatorLogin.rawRedis(redis, keys.prefix()))
                .isNotEmpty()
                .noneMatch(value -> value.contains(state) || value.contains(verifier));
    }
}
