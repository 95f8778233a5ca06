package io.guestgate.landing.support;

import io.guestgate.domain.DomainConfiguration;
import io.guestgate.landing.LandingConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Boots the landing with the guest list, as the application does, plus {@link OtherEndpoints} standing in for the
 * bot's routes. Its WebClient builder records the guest JWTs sent to {@code /jwt/login}, so tests can check the exact
 * token Webex (the emulator) accepted.
 */
@SpringBootApplication(scanBasePackages = "io.guestgate.landing.support")
@Import({TestClockConfiguration.class, DomainConfiguration.class, LandingConfiguration.class})
public class LandingTestApplication {

    @Bean
    GuestJwtRecorder guestJwtRecorder() {
        return new GuestJwtRecorder();
    }

    @Bean
    WebClient.Builder webClientBuilder(GuestJwtRecorder recorder) {
        return WebClient.builder().filter(recorder);
    }
}
