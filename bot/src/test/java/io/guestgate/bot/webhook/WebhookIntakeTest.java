package io.guestgate.bot.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.bot.BotTestApplication;
import io.guestgate.bot.BotTestWorld;
import io.guestgate.bot.chain.IntakeQueue;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.platform.redis.RedisKeys;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.WebexClientSettings;
import io.guestgate.webex.messages.CreateMessageRequest;
import io.guestgate.webex.messages.Message;
import io.guestgate.webex.oauth.AccessToken;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /webhooks/webex} on a real port, with the real Redis and the emulator as Webex. Deliveries are shaped
 * like Webex's and signed with the intake's own signer and secret (or, to be refused, with something else).
 */
@SpringBootTest(classes = BotTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class WebhookIntakeTest {

    @RegisterExtension
    static final WebexEmulatorExtension WEBEX = BotTestWorld.emulator();

    static final Duration PROCESSING = Duration.ofSeconds(10);
    static String secret;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        secret = BotTestWorld.register(registry, WEBEX.get());
    }

    @LocalServerPort
    int port;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    RedisKeys keys;

    @Autowired
    IntakeQueue intake;

    WebTestClient http;
    final WebexClient webex = WebexClient.create(
            WebexClientSettings.defaults().withApiBaseUrl(URI.create(WEBEX.get().apiBaseUrl())), WebClient.builder());

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    @Test
    void rejectsForgedMissingAndStaleSignaturesAndProcessesNothing() {
        Message help = organizerSays("help");
        byte[] body = envelope(help);

        deliver(body, "0".repeat(40))
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .isEmpty();
        deliver(body, null).expectStatus().isUnauthorized().expectBody().isEmpty();
        deliver(body, new WebhookSignature("the-secret-before-rotation").sign(body))
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .isEmpty();
        deliver(body, "not-hex").expectStatus().isUnauthorized().expectBody().isEmpty();

        // The intake takes an event in before it answers: a refused one was not taken in, so nothing processes it.
        assertThat(redis.hasKey(intake.seenKey(help.id())).block()).isFalse();

        // Refused deliveries leave no trace: the genuine one is still processed, and it alone.
        deliver(body, sign(body)).expectStatus().isOk();
        assertThat(BotTestWorld.awaitNonEmpty(PROCESSING, () -> BotTestWorld.botMessages(WEBEX.get(), help.roomId())))
                .hasSize(1);
        awaitEverythingTakenInProcessed();
        assertThat(BotTestWorld.botMessages(WEBEX.get(), help.roomId())).hasSize(1);
        assertThat(WEBEX.get().requests("GET", "/v1/messages/" + help.id())).hasSize(1);
    }

    @Test
    void rejectsABodyReserialisedWithDifferentWhitespace() {
        Message help = organizerSays("help");
        byte[] body = envelope(help);
        String signature = sign(body);
        JsonMapper json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        byte[] reformatted = json.writeValueAsBytes(json.readTree(body));
        assertThat(json.readTree(reformatted)).isEqualTo(json.readTree(body));

        deliver(reformatted, signature)
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .isEmpty();

        assertThat(redis.hasKey(intake.seenKey(help.id())).block())
                .as("taken in")
                .isFalse();
        // The bytes as signed are taken in, and answered once.
        deliver(body, signature).expectStatus().isOk();
        assertThat(BotTestWorld.awaitNonEmpty(PROCESSING, () -> BotTestWorld.botMessages(WEBEX.get(), help.roomId())))
                .hasSize(1);
        awaitEverythingTakenInProcessed();
        assertThat(BotTestWorld.botMessages(WEBEX.get(), help.roomId())).hasSize(1);
        assertThat(WEBEX.get().requests("GET", "/v1/messages/" + help.id())).hasSize(1);
    }

    @Test
    void answersARedeliveredEventOnce() {
        Message help = organizerSays("help");
        byte[] body = envelope(help);

        deliver(body, sign(body)).expectStatus().isOk().expectBody().isEmpty();
        deliver(body, sign(body)).expectStatus().isOk().expectBody().isEmpty();

        assertThat(BotTestWorld.awaitNonEmpty(PROCESSING, () -> BotTestWorld.botMessages(WEBEX.get(), help.roomId())))
                .hasSize(1);
        awaitEverythingTakenInProcessed();
        assertThat(BotTestWorld.botMessages(WEBEX.get(), help.roomId())).hasSize(1);
        assertThat(WEBEX.get().requests("GET", "/v1/messages/" + help.id())).hasSize(1);
    }

    @Test
    void answersConcurrentDuplicatesOnce() {
        Message help = organizerSays("hilfe");
        byte[] body = envelope(help);
        String signature = sign(body);
        WebClient raw = WebClient.create("http://127.0.0.1:" + port);

        List<Integer> statuses = Flux.range(0, 12)
                .<Integer>flatMap(
                        i -> raw.post()
                                .uri(WebhookEndpoint.PATH)
                                .contentType(MediaType.APPLICATION_JSON)
                                .header(WebhookSignature.HEADER, signature)
                                .bodyValue(body)
                                .exchangeToMono(response -> response.releaseBody()
                                        .thenReturn(response.statusCode().value())),
                        12)
                .collectList()
                .block(Duration.ofSeconds(20));

        assertThat(statuses).hasSize(12).containsOnly(200);
        assertThat(BotTestWorld.awaitNonEmpty(PROCESSING, () -> BotTestWorld.botMessages(WEBEX.get(), help.roomId())))
                .hasSize(1);
        awaitEverythingTakenInProcessed();
        List<io.guestgate.emulator.messages.Message> replies = BotTestWorld.botMessages(WEBEX.get(), help.roomId());
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).markdown()).contains("Befehle");
    }

    @Test
    void refusesTwoMegabytesWithAndWithoutContentLength() {
        byte[] huge = ("{\"data\":{\"id\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}}").getBytes(StandardCharsets.UTF_8);

        deliver(huge, sign(huge))
                .expectStatus()
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody()
                .isEmpty();

        // Chunked, so the server cannot judge by Content-Length and must stop reading at the limit.
        Flux<DataBuffer> chunks =
                Flux.range(0, 32).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[64 * 1024]));
        http.post()
                .uri(WebhookEndpoint.PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSignature.HEADER, sign(huge))
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void ignoresTheBotsOwnMessages() {
        Message organizers = organizerSays("help");
        Message own = webex.messages()
                .create(
                        AccessToken.of(WEBEX.get().seed().bot().accessToken()),
                        CreateMessageRequest.toRoom(organizers.roomId())
                                .markdown("help")
                                .build())
                .block();
        byte[] body = envelope(own);

        deliver(body, sign(body)).expectStatus().isOk();

        awaitEverythingTakenInProcessed();
        assertThat(WEBEX.get().requests("GET", "/v1/messages/" + own.id())).isEmpty();
        assertThat(BotTestWorld.botMessages(WEBEX.get(), organizers.roomId()))
                .extracting(m -> m.id())
                .containsExactly(own.id());
    }

    @Test
    void acknowledgesEventsItDoesNotHandle() {
        byte[] deleted = ("{\"id\":\"W1\",\"resource\":\"messages\",\"event\":\"deleted\",\"data\":{\"id\":\"M1\"}}")
                .getBytes(StandardCharsets.UTF_8);

        deliver(deleted, sign(deleted)).expectStatus().isOk();
    }

    /**
     * The intake's stream is empty: every event taken in so far (the intake takes one in before it answers its
     * webhook) has been processed and settled, so whatever the bot does about those events has been done.
     */
    private void awaitEverythingTakenInProcessed() {
        String stream = keys.tagged("intake", "events");
        await().atMost(PROCESSING).until(() -> redis.opsForStream().size(stream).block(), length -> length == 0);
    }

    private WebTestClient.ResponseSpec deliver(byte[] body, String signature) {
        WebTestClient.RequestBodySpec request =
                http.post().uri(WebhookEndpoint.PATH).contentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            request.header(WebhookSignature.HEADER, signature);
        }
        return request.bodyValue(body).exchange();
    }

    /** The organizer @mentions the bot in a group space of their own, so each test counts only its own replies. */
    private Message organizerSays(String command) {
        String bot = WEBEX.get().seed().bot().id();
        EmulatorSeed.Person organizer = WEBEX.get().seed().organizer();
        String room = WEBEX.get()
                .createGroupRoom("intake " + UUID.randomUUID(), organizer.id(), bot)
                .id();
        return webex.messages()
                .create(
                        AccessToken.of(organizer.accessToken()),
                        CreateMessageRequest.toRoom(room)
                                .markdown("<@personId:" + bot + "|GuestGate> " + command)
                                .build())
                .block();
    }

    private static String sign(byte[] body) {
        return new WebhookSignature(secret).sign(body);
    }

    @Test
    void ignoresACapturedDeliveryReplayedAfterTheDedupeWindow(CapturedOutput output) {
        Message help = organizerSays("help");
        Instant dayAndAHalfAgo = Instant.now().minus(Duration.ofHours(36));
        byte[] replayed = envelope(help, dayAndAHalfAgo);

        deliver(replayed, sign(replayed)).expectStatus().isOk().expectBody().isEmpty();

        // Taking an event in happens before the answer: what was not taken in by then never will be.
        assertThat(redis.hasKey(intake.seenKey(help.id())).block())
                .as("taken in")
                .isFalse();
        assertThat(WEBEX.get().requests("GET", "/v1/messages/" + help.id())).isEmpty();
        assertThat(output.getAll()).contains("Ignored a replayed messages delivery " + help.id());
    }

    /** A {@code messages:created} delivery as Webex sends it: ids only, compact JSON. */
    private static byte[] envelope(Message message) {
        return envelope(message, message.created().toInstant());
    }

    private static byte[] envelope(Message message, Instant created) {
        String json = "{\"id\":\"Y2lzY29zcGFyazovL3VzL1dFQkhPT0svMQ\",\"name\":\"guestgate-messages\","
                + "\"targetUrl\":\"https://guestgate.example.com/webhooks/webex\",\"resource\":\"messages\","
                + "\"event\":\"created\",\"orgId\":\"ORG\",\"createdBy\":\""
                + WEBEX.get().seed().bot().id() + "\","
                + "\"appId\":\"APP\",\"ownedBy\":\"creator\",\"status\":\"active\","
                + "\"created\":\"" + created + "\",\"actorId\":\"" + message.personId() + "\","
                + "\"data\":{\"id\":\"" + message.id() + "\",\"roomId\":\"" + message.roomId() + "\","
                + "\"roomType\":\"" + message.roomType() + "\",\"personId\":\"" + message.personId() + "\","
                + "\"personEmail\":\"" + message.personEmail() + "\",\"created\":\"" + created + "\"}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
