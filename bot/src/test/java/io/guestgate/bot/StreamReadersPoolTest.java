package io.guestgate.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The pool's default size follows the readers' settings, and any pool setting wins over it. */
class StreamReadersPoolTest {

    private static final String MAX_ACTIVE = "spring.data.redis.lettuce.pool.max-active";

    @Test
    void withDefaultSettingsThePoolHoldsEveryReaderAndHeadroom() {
        MockEnvironment env = processed(new MockEnvironment());

        assertThat(env.getProperty(MAX_ACTIVE, Integer.class)).isEqualTo(8 + 4 + StreamReadersPool.HEADROOM);
        assertThat(env.getProperty("spring.data.redis.lettuce.pool.max-idle", Integer.class))
                .isEqualTo(8 + 4 + StreamReadersPool.HEADROOM);
    }

    @Test
    void moreReadersMakeALargerPool() {
        MockEnvironment env = processed(new MockEnvironment()
                .withProperty("guestgate.bot.intake.concurrency", "30")
                .withProperty("guestgate.outbox.concurrency", "10"));

        assertThat(env.getProperty(MAX_ACTIVE, Integer.class)).isEqualTo(40 + StreamReadersPool.HEADROOM);
    }

    @Test
    void aConfiguredPoolIsLeftAlone() {
        MockEnvironment env = processed(new MockEnvironment().withProperty(MAX_ACTIVE, "64"));

        assertThat(env.getProperty(MAX_ACTIVE, Integer.class)).isEqualTo(64);
        assertThat(env.containsProperty("spring.data.redis.lettuce.pool.max-idle")).isFalse();
    }

    private static MockEnvironment processed(MockEnvironment env) {
        new StreamReadersPool().postProcessEnvironment(env, new SpringApplication());
        return env;
    }
}
