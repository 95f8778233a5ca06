package io.guestgate.guestlist;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The shared domain of bot and landing: meetings, invitations, organizer accounts and the audit trail,
 * all kept in Redis. The runnable application imports this; module tests boot it on its own.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@ConfigurationPropertiesScan
public class GuestlistConfiguration {

    /** Time comes from one injectable clock, so tests can fix it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
