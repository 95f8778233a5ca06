package io.guestgate.emulator;

import io.guestgate.emulator.config.EmulatorProperties;
import io.guestgate.emulator.config.EmulatorSeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The emulator's beans. It always runs in a Spring context of its own (see {@link WebexEmulator}); importing this
 * class into an application's context would mix the emulator's /v1 routes into that application.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = EmulatorServer.class))
@EnableConfigurationProperties(EmulatorProperties.class)
public class EmulatorConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock emulatorClock() {
        return Clock.systemUTC();
    }

    /**
     * Event loops of the emulator's own. With Reactor Netty's global resources (Boot's default), closing one emulator
     * would shut down the loops of every other server and client in the JVM, including the embedding test's.
     */
    @Bean
    ReactorResourceFactory emulatorReactorResources() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        factory.setShutdownQuietPeriod(Duration.ZERO);
        return factory;
    }

    /** An embedding caller registers its seed object; a standalone run reads {@code emulator.seed} or uses defaults. */
    @Bean
    @ConditionalOnMissingBean
    EmulatorSeed emulatorSeed(EmulatorProperties properties) throws IOException {
        if (properties.seed() == null || properties.seed().isBlank()) {
            return EmulatorSeed.defaults();
        }
        Path path = Path.of(properties.seed());
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("emulator.seed points at '" + path + "', which cannot be read");
        }
        return EmulatorSeed.read(path);
    }
}
