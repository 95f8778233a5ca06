package io.guestgate.bot.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.bot.BotTestApplication;
import io.guestgate.bot.BotTestWorld;
import io.guestgate.emulator.WebexEmulatorExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With Redis unreachable the intake cannot record an event, so it must not accept it: 503 makes Webex deliver again
 * later, and nothing is processed meanwhile.
 */
@SpringBootTest(
        classes = BotTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.data.redis.timeout=500ms", "spring.data.redis.connect-timeout=500ms"})
class WebhookRedisDownTest {

    @RegisterExtension
    static final WebexEmulatorExtension WEBEX = BotTestWorld.emulator();

    static String secret;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        secret = BotTestWorld.register(registry, WEBEX.get());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("spring.data.redis.port", () -> Integer.toString(closedPort));
    }

    @LocalServerPort
    int port;

    @Test
    void answers503SoWebexDeliversAgain() {
        byte[] body = IntakeStepsTest.envelope(
                        "messages",
                        "created",
                        "\"id\":\"Y2lzY29zcGFyazovL3VzL01FU1NBR0UvMQ\",\"roomId\":\"R1\",\"personId\":\"P1\","
                                + "\"personEmail\":\"olivia.organizer@example.com\"")
                .getBytes(StandardCharsets.UTF_8);

        WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build()
                .post()
                .uri(WebhookEndpoint.PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSignature.HEADER, new WebhookSignature(secret).sign(body))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .isEmpty();

        // Only what the intake took in is ever fetched, and with Redis down nothing was: the 503 is the last step.
        assertThat(WEBEX.get().requests("GET", "/v1/messages/Y2lzY29zcGFyazovL3VzL01FU1NBR0UvMQ"))
                .isEmpty();
    }
}
