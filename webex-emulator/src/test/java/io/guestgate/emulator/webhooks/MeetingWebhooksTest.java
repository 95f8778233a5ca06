package io.guestgate.emulator.webhooks;

import static io.guestgate.emulator.TestHttp.MAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.emulator.TestHttp;
import io.guestgate.emulator.TestMeetings;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code meetings} webhooks: {@code updated} and {@code deleted}, signed, with the meeting series as data, whether the
 * API or the host in the Webex app made the change; only the host's webhooks hear of it.
 */
class MeetingWebhooksTest {

    @RegisterExtension
    static WebexEmulatorExtension emulator = WebexEmulatorExtension.withDefaults();

    WebexEmulator webex;
    EmulatorSeed seed;
    Receiver receiver;
    Receiver strangers;
    WebTestClient organizer;

    @BeforeEach
    void setUp() throws Exception {
        webex = emulator.get();
        seed = webex.seed();
        receiver = new Receiver();
        strangers = new Receiver();
        organizer = TestHttp.client(webex, seed.organizer().accessToken());
        webex.clearDeliveries();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        strangers.close();
        for (String token :
                List.of(seed.organizer().accessToken(), seed.secondPerson().accessToken())) {
            webex.webhooks()
                    .forEach(w -> TestHttp.client(webex, token)
                            .delete()
                            .uri("/v1/webhooks/{id}", w.id())
                            .exchange());
        }
    }

    @Test
    void changesThroughTheApiAndInTheWebexAppReachTheHostsWebhooks() throws Exception {
        Map<String, Object> created = TestMeetings.create(webex, "Roadmap", "allowJoinWithLobby");
        String id = (String) created.get("id");
        register(organizer, receiver.url(), "updated");
        register(organizer, receiver.url(), "deleted");
        register(TestHttp.client(webex, seed.secondPerson().accessToken()), strangers.url(), "updated");

        Instant start = Instant.parse((String) created.get("start")).plus(Duration.ofDays(1));
        organizer
                .put()
                .uri("/v1/meetings/{id}", id)
                .bodyValue(Map.of(
                        "title",
                        "Roadmap (API)",
                        "start",
                        start.toString(),
                        "end",
                        start.plus(Duration.ofHours(1)).toString()))
                .exchange()
                .expectStatus()
                .isOk();
        JsonNode viaApi =
                ParticipantWebhooksTest.verified(receiver.awaitCount(1).get(0));
        assertThat(viaApi.get("resource").asString()).isEqualTo("meetings");
        assertThat(viaApi.get("event").asString()).isEqualTo("updated");
        assertThat(ParticipantWebhooksTest.data(viaApi)).isEqualTo(get(id)).containsEntry("title", "Roadmap (API)");

        webex.hostReschedules(id, "Roadmap (app)", start.plus(Duration.ofHours(2)), start.plus(Duration.ofHours(3)));
        JsonNode inApp = ParticipantWebhooksTest.verified(receiver.awaitCount(2).get(1));
        assertThat(ParticipantWebhooksTest.data(inApp)).isEqualTo(get(id)).containsEntry("title", "Roadmap (app)");

        webex.hostDeletes(id);
        JsonNode deleted =
                ParticipantWebhooksTest.verified(receiver.awaitCount(3).get(2));
        assertThat(deleted.get("event").asString()).isEqualTo("deleted");
        assertThat(ParticipantWebhooksTest.data(deleted)).containsEntry("id", id);
        organizer.get().uri("/v1/meetings/{id}", id).exchange().expectStatus().isNotFound();
        assertThat(webex.deliveries())
                .as("every delivery settled; none to someone else's webhook")
                .allMatch(delivery -> delivery.resource().equals("meetings"))
                .noneMatch(delivery -> delivery.targetUrl().equals(strangers.url()));
    }

    private static void register(WebTestClient as, String url, String event) {
        as.post()
                .uri("/v1/webhooks")
                .bodyValue(Map.of(
                        "name",
                        "GuestGate meetings " + event,
                        "targetUrl",
                        url,
                        "resource",
                        "meetings",
                        "event",
                        event,
                        "secret",
                        ParticipantWebhooksTest.SECRET))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private Map<String, Object> get(String id) {
        return organizer
                .get()
                .uri("/v1/meetings/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }
}
