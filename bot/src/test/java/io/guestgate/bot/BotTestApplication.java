package io.guestgate.bot;

import io.guestgate.domain.DomainConfiguration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The bot as the application runs it: the guest list plus everything {@link BotConfiguration} scans, and a meter
 * registry (the application's comes with the actuator) so that tests can read the product's counts.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({DomainConfiguration.class, BotConfiguration.class})
public class BotTestApplication {

    @Bean
    SimpleMeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
