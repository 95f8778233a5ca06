package io.guestgate.platform;

import java.time.Clock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * What the product stands on: Redis streams and locks, token sealing, metrics, the Webex client and the
 * {@code guestgate.*} settings. It knows nothing of meetings or guests; the domain imports it.
 */
@Configuration(proxyBeanMethods = false)
// Test applications living in these packages must not be picked up by the scan.
@ComponentScan(
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class)
        })
@ConfigurationPropertiesScan
public class PlatformConfiguration {

    /** Time comes from one injectable clock, so tests can fix it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
