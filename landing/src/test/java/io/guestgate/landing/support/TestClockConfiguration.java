package io.guestgate.landing.support;

import io.guestgate.domain.testing.MutableClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Imported before the guest list's configuration, so its {@code @ConditionalOnMissingBean} clock backs off. */
@Configuration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    MutableClock clock() {
        return new MutableClock();
    }
}
