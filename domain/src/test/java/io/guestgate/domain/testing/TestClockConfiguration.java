package io.guestgate.domain.testing;

import org.springframework.context.annotation.Bean;

/**
 * Imported before the guest list's configuration, so its {@code @ConditionalOnMissingBean} clock backs off. Not a
 * {@code @Configuration}: the guest list's component scan reaches this package wherever the test-jar is on the class
 * path, and the bot's, landing's and application's tests must keep their own clocks.
 */
class TestClockConfiguration {

    @Bean
    MutableClock clock() {
        return new MutableClock();
    }
}
