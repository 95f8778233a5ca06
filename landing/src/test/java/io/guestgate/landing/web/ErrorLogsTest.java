package io.guestgate.landing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import io.guestgate.domain.invitation.LinkTokens;
import io.guestgate.landing.support.LandingTestApplication;
import io.guestgate.landing.support.Logs;
import io.guestgate.landing.support.TestWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * A server error under a personal link is logged, as it must be for operators, but without the link's token: the
 * path is logged as {@code /join/{token}/…}.
 */
@SpringBootTest(classes = LandingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ErrorLogsTest.Failing.class)
@ExtendWith(OutputCaptureExtension.class)
class ErrorLogsTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestWorld.register(registry, TestWorld.properties("http://localhost", "guest-issuer", "email"));
    }

    @LocalServerPort
    int port;

    @Test
    void aServerErrorUnderAPersonalLinkIsLoggedWithoutTheToken(CapturedOutput output) {
        String token = LinkTokens.generate();

        WebTestClient http =
                WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        http.get().uri("/join/" + token + "/fails").exchange().expectStatus().is5xxServerError();

        assertThat(output.getAll())
                .contains("500 Server Error for HTTP GET \"/join/{token}/fails\"")
                .contains("IllegalStateException: failed on purpose");
        Logs.assertNoSecrets(output, token);
    }

    @TestConfiguration
    static class Failing {

        @Bean
        RouterFunction<ServerResponse> failing() {
            return route(
                    GET("/join/{token}/fails"), request -> Mono.error(new IllegalStateException("failed on purpose")));
        }
    }
}
