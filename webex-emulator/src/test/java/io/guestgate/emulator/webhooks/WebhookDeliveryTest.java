package io.guestgate.emulator.webhooks;

import static io.guestgate.emulator.TestHttp.MAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.emulator.TestHttp;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.messages.Room;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WebhookDeliveryTest {

    @RegisterExtension
    static WebexEmulatorExtension emulator =
            WebexEmulatorExtension.configure(b -> b.property("emulator.webhooks.max-attempts", "2")
                    .property("emulator.webhooks.initial-backoff", "PT0.05S")
                    .property("emulator.webhooks.max-consecutive-failures", "3"));

    static final String SECRET = "a-webhook-secret-of-the-bot";
    static final JsonMapper JSON = JsonMapper.builder().build();

    WebexEmulator webex;
    EmulatorSeed seed;
    Receiver receiver;
    WebTestClient bot;
    WebTestClient organizer;

    @BeforeEach
    void setUp() throws Exception {
        webex = emulator.get();
        seed = webex.seed();
        receiver = new Receiver();
        bot = TestHttp.client(webex, seed.bot().accessToken());
        organizer = TestHttp.client(webex, seed.organizer().accessToken());
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        webex.webhooks()
                .forEach(w -> TestHttp.client(webex, seed.bot().accessToken())
                        .delete()
                        .uri("/v1/webhooks/{id}", w.id())
                        .exchange());
    }

    String register(String resource, String filter) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "name",
                "GuestGate " + resource,
                "targetUrl",
                receiver.url(),
                "resource",
                resource,
                "event",
                "created",
                "secret",
                SECRET));
        if (filter != null) {
            body.put("filter", filter);
        }
        return (String) bot.post()
                .uri("/v1/webhooks")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody()
                .get("id");
    }

    Map<String, Object> post(WebTestClient as, Map<String, Object> message) {
        return as.post()
                .uri("/v1/messages")
                .bodyValue(message)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    static String hmacSha1Hex(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void signatureIsHmacSha1OfTheExactBytesAndATamperedBodyDoesNotMatch() throws Exception {
        String webhookId = register("messages", null);
        Map<String, Object> sent =
                post(organizer, Map.of("toPersonEmail", seed.bot().email(), "text", "hello bot"));

        Receiver.Received got = receiver.awaitCount(1).get(0);
        assertThat(got.signature()).isEqualTo(hmacSha1Hex(SECRET, got.body())).matches("[0-9a-f]{40}");
        byte[] tampered = got.body().clone();
        tampered[tampered.length / 2] ^= 0x01;
        assertThat(hmacSha1Hex(SECRET, tampered)).isNotEqualTo(got.signature());

        JsonNode envelope = JSON.readTree(got.body());
        assertThat(envelope.get("id").asString()).isEqualTo(webhookId);
        assertThat(envelope.get("resource").asString()).isEqualTo("messages");
        assertThat(envelope.get("event").asString()).isEqualTo("created");
        assertThat(envelope.get("actorId").asString())
                .isEqualTo(seed.organizer().id());
        assertThat(envelope.get("createdBy").asString()).isEqualTo(seed.bot().id());
        assertThat(envelope.get("data").get("id").asString()).isEqualTo(sent.get("id"));
        assertThat(envelope.get("data").get("roomType").asString()).isEqualTo("direct");
        assertThat(envelope.get("data").get("personEmail").asString())
                .isEqualTo(seed.organizer().email());
        assertThat(envelope.get("data").has("text"))
                .as("webhooks never carry the text")
                .isFalse();
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> webex.deliveries().stream()
                        .anyMatch(d ->
                                d.webhookId().equals(webhookId) && d.statuses().equals(List.of(200))));
    }

    @Test
    void duplicateDeliveryResendsTheSameBytesAndSignature() {
        register("messages", null);
        post(organizer, Map.of("toPersonEmail", seed.bot().email(), "text", "once"));
        receiver.awaitCount(1);
        Delivery first = webex.deliveries().get(webex.deliveries().size() - 1);

        Delivery copy = webex.duplicateDelivery(first.id());
        List<Receiver.Received> both = receiver.awaitCount(2);
        assertThat(both.get(1).body()).isEqualTo(both.get(0).body());
        assertThat(both.get(1).signature()).isEqualTo(both.get(0).signature());
        assertThat(copy.duplicateOf()).isEqualTo(first.id());
    }

    @Test
    void botSeesOnlyMessagesThatMentionItInGroupSpaces() {
        register("messages", null);
        Room room = webex.createGroupRoom(
                "Team",
                seed.organizer().id(),
                seed.secondPerson().id(),
                seed.bot().id());
        Map<String, Object> plain = post(organizer, Map.of("roomId", room.id(), "text", "just chatting"));
        Map<String, Object> mention = post(
                organizer,
                Map.of(
                        "roomId",
                        room.id(),
                        "markdown",
                        "<@personId:" + seed.bot().id() + "|GuestGate> create Q3 review tomorrow 10:00 1h"));

        Receiver.Received got = receiver.awaitCount(1).get(0);
        assertThat(JSON.readTree(got.body()).get("data").get("id").asString()).isEqualTo(mention.get("id"));
        bot.get()
                .uri("/v1/messages/{id}", plain.get("id"))
                .exchange()
                .expectStatus()
                .isNotFound();
        bot.get()
                .uri("/v1/messages/{id}", mention.get("id"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.text")
                .isEqualTo("GuestGate create Q3 review tomorrow 10:00 1h")
                .jsonPath("$.mentionedPeople[0]")
                .isEqualTo(seed.bot().id())
                .jsonPath("$.html")
                .value(h -> assertThat((String) h)
                        .contains("<spark-mention data-object-type=\"person\" data-object-id=\""
                                + seed.bot().id() + "\">GuestGate</spark-mention>"));
        bot.get()
                .uri("/v1/messages?roomId={r}&mentionedPeople=me", room.id())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1);
        TestHttp.client(webex, seed.secondPerson().accessToken())
                .get()
                .uri("/v1/messages?roomId={r}", room.id())
                .exchange()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(2);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void filterLimitsDeliveriesToOneSpace() {
        Room team =
                webex.createGroupRoom("Team", seed.organizer().id(), seed.bot().id());
        register("messages", "roomId=" + team.id());
        post(organizer, Map.of("toPersonEmail", seed.bot().email(), "text", "direct"));
        Map<String, Object> inTeam = post(
                organizer,
                Map.of(
                        "roomId",
                        team.id(),
                        "markdown",
                        "<@personEmail:" + seed.bot().email() + "> help"));

        Receiver.Received got = receiver.awaitCount(1).get(0);
        assertThat(JSON.readTree(got.body()).get("data").get("id").asString()).isEqualTo(inTeam.get("id"));
        assertThat(JSON.readTree(got.body()).get("filter").asString()).isEqualTo("roomId=" + team.id());
    }

    @Test
    void retriesFailuresAndTurnsWebhookInactiveAfterConsecutiveFailures() {
        String webhookId = register("messages", null);
        receiver.answer(500);
        post(organizer, Map.of("toPersonEmail", seed.bot().email(), "text", "one"));
        receiver.awaitCount(2);
        post(organizer, Map.of("toPersonEmail", seed.bot().email(), "text", "two"));

        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> bot.get()
                        .uri("/v1/webhooks/{id}", webhookId)
                        .exchange()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("inactive"));
        assertThat(webex.deliveries().stream()
                        .filter(d -> d.webhookId().equals(webhookId))
                        .flatMap(d -> d.statuses().stream())
                        .toList())
                .containsExactly(500, 500, 500);

        receiver.answer(200);
        bot.put()
                .uri("/v1/webhooks/{id}", webhookId)
                .bodyValue(Map.of(
                        "name",
                        "GuestGate messages",
                        "targetUrl",
                        receiver.url(),
                        "secret",
                        SECRET,
                        "status",
                        "active"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("active");
        post(organizer, Map.of("toPersonEmail", seed.bot().email(), "text", "three"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() ->
                        webex.deliveries().stream().anyMatch(d -> d.webhookId().equals(webhookId) && d.delivered()));
    }

    @Test
    void cardSubmissionFiresAttachmentActionWebhookAndCanBeRead() {
        register("attachmentActions", null);
        Map<String, Object> card = post(
                bot,
                Map.of(
                        "toPersonEmail",
                        seed.organizer().email(),
                        "text",
                        "Add participants",
                        "attachments",
                        List.of(Map.of(
                                "contentType",
                                "application/vnd.microsoft.card.adaptive",
                                "content",
                                Map.of("type", "AdaptiveCard", "version", "1.3", "body", List.of())))));

        Map<String, Object> action = organizer
                .post()
                .uri("/v1/attachment/actions")
                .bodyValue(Map.of(
                        "type", "submit", "messageId", card.get("id"), "inputs", Map.of("emails", "anna@example.com")))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();

        Receiver.Received got = receiver.awaitCount(1).get(0);
        JsonNode data = JSON.readTree(got.body()).get("data");
        assertThat(data.get("id").asString()).isEqualTo(action.get("id"));
        assertThat(data.get("messageId").asString()).isEqualTo(card.get("id"));
        bot.get()
                .uri("/v1/attachment/actions/{id}", action.get("id"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.inputs.emails")
                .isEqualTo("anna@example.com")
                .jsonPath("$.personId")
                .isEqualTo(seed.organizer().id());
    }

    @Test
    void directSpaceIsCreatedOnFirstContactAndReused() {
        Map<String, Object> first =
                post(organizer, Map.of("toPersonEmail", seed.bot().email(), "text", "hi"));
        Map<String, Object> reply =
                post(bot, Map.of("toPersonId", seed.organizer().id(), "markdown", "**hello**"));
        assertThat(reply.get("roomId")).isEqualTo(first.get("roomId"));
        assertThat(first.get("roomType")).isEqualTo("direct");
        bot.get()
                .uri("/v1/messages?roomId={r}", first.get("roomId"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].id")
                .isEqualTo(reply.get("id"))
                .jsonPath("$.items[1].id")
                .isEqualTo(first.get("id"));
    }
}
