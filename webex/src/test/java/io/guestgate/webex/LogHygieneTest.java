package io.guestgate.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.guestgate.webex.meetings.JoinMeetingRequest;
import io.guestgate.webex.messages.CreateMessageRequest;
import io.guestgate.webex.oauth.AccessToken;
import io.guestgate.webex.oauth.ClientCredentials;
import io.guestgate.webex.oauth.Pkce;
import io.guestgate.webex.webhooks.CreateWebhookRequest;
import io.guestgate.webex.webhooks.UpdateWebhookRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Runs every kind of call with the client's and the framework's loggers at their most verbose, then searches
 * the captured output for each token, secret and code that went over the wire in either direction.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> VERBOSE = List.of(
            "io.guestgate.webex",
            "org.springframework.web",
            "org.springframework.http",
            "org.springframework.core.codec",
            "reactor.netty");
    private static final List<Level> previous = new ArrayList<>();

    @BeforeAll
    static void verbose() {
        for (String name : VERBOSE) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            previous.add(logger.getLevel());
            logger.setLevel(name.startsWith("reactor") ? Level.DEBUG : Level.TRACE);
        }
    }

    @AfterAll
    static void quiet() {
        for (int i = 0; i < VERBOSE.size(); i++) {
            ((Logger) LoggerFactory.getLogger(VERBOSE.get(i))).setLevel(previous.get(i));
        }
    }

    @Test
    void noTokenSecretOrCodeReachesTheLogs(CapturedOutput output) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        AccessToken organizer = AccessToken.of("organizer-" + unique);
        AccessToken bot = AccessToken.of("bot-" + unique);
        AccessToken serviceApp = AccessToken.of("serviceapp-" + unique);
        AccessToken guestJwt = AccessToken.of("eyJhbGciOiJIUzI1NiJ9.guest-" + unique + ".sig");
        ClientCredentials client = new ClientCredentials("client-id", "client-secret-" + unique);
        String code = "auth-code-" + unique;
        String refreshToken = "refresh-" + unique;
        String webhookSecret = "webhook-secret-" + unique;
        Pkce pkce = Pkce.generate();

        try (SpecExampleServer server = SpecExampleServer.start()) {
            WebexClient webex = WebexClient.create(
                    WebexClientSettings.defaults().withApiBaseUrl(server.apiBaseUrl()), WebClient.builder());
            webex.oauth()
                    .exchangeCode(client, code, "https://gg.example.com/cb", pkce.verifier())
                    .block(WAIT);
            webex.oauth().refresh(client, refreshToken).block(WAIT);
            webex.people().me(organizer).block(WAIT);
            webex.meetings()
                    .create(organizer, WebexClientContractTest.LOCKED_DOWN)
                    .block(WAIT);
            webex.meetings()
                    .join(organizer, JoinMeetingRequest.forGuest("m-1", "Anna", "a@example.com", 5))
                    .block(WAIT);
            webex.messages()
                    .create(bot, CreateMessageRequest.toRoom("r-1").text("hi").build())
                    .block(WAIT);
            webex.webhooks().list(bot).collectList().block(WAIT);
            webex.webhooks()
                    .create(
                            bot,
                            CreateWebhookRequest.of(
                                    "n", "https://gg.example.com/w", "messages", "created", webhookSecret))
                    .block(WAIT);
            webex.webhooks()
                    .update(bot, "w-1", UpdateWebhookRequest.activate("n", "https://gg.example.com/w", webhookSecret))
                    .block(WAIT);
            webex.guests().jwtLogin(guestJwt).block(WAIT);
            webex.guests().serviceAppToken(serviceApp, "inv-1", "Anna").block(WAIT);
            webex.applications().token(organizer, "app-1", client, "org-1").block(WAIT);
        }
        try (ScriptedServer failing = new ScriptedServer()) {
            failing.then(ScriptedServer.webexError(429, "Slow down")
                            .newBuilder()
                            .setHeader("Retry-After", "0")
                            .build())
                    .then(ScriptedServer.webexError(401, "Invalid token"));
            WebexClient webex = WebexClient.create(
                    WebexClientSettings.defaults().withApiBaseUrl(failing.apiBaseUrl()), WebClient.builder());
            assertThatThrownBy(() -> webex.meetings().get(organizer, "m-1").block(WAIT))
                    .isInstanceOfSatisfying(
                            WebexApiException.class,
                            e -> LoggerFactory.getLogger(LogHygieneTest.class).error("Call failed as expected", e));
        }

        String logs = output.getAll();
        assertThat(logs)
                .as("the verbose loggers did log")
                .contains(
                        "Webex POST /v1/access_token -> 200",
                        "Webex POST /v1/jwt/login -> 200",
                        "Webex POST /v1/applications/app-1/token -> 200",
                        "Webex GET /v1/meetings/m-1 -> 401",
                        "HTTP POST",
                        "Call failed as expected");
        assertThat(logs)
                .doesNotContain(
                        organizer.value(),
                        bot.value(),
                        serviceApp.value(),
                        guestJwt.value(),
                        client.clientSecret(),
                        code,
                        refreshToken,
                        webhookSecret,
                        pkce.verifier(),
                        "Bearer ",
                        // what Webex answered: tokens and the webhook secret from the examples
                        "example-access-token",
                        "example-refresh-token",
                        "example-guest-access-token",
                        "ZmFrZVRva2VuRm9yRXhhbXBsZVB1cnBvc2VzT25seQ",
                        "ZmFrZVJlZnJlc2hUb2tlbkZvckV4YW1wbGVPbmx5",
                        "eyJhbGciOiJSUzI1NiJ9.eyJkw1zx5iIDv7FL3cWQ_JEjehqtPVRmFf572q7RZwSIZgQRziAw",
                        "86dacc007724d8ea666f88fc77d918dad9537a15");
        assertThat(logs).doesNotContainIgnoringCase("authorization:");
    }
}
