package io.guestgate.emulator.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.emulator.TestHttp;
import io.guestgate.emulator.TestMeetings;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.meetings.Participant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** Armed delivery faults lose or hold back webhook deliveries of one resource, and the delivery log says so. */
class DeliveryFaultInjectionTest {

    @RegisterExtension
    static WebexEmulatorExtension emulator = WebexEmulatorExtension.withDefaults();

    static final JsonMapper JSON = JsonMapper.builder().build();

    WebexEmulator webex;
    EmulatorSeed seed;
    Receiver receiver;
    String meetingId;

    @BeforeEach
    void setUp() throws Exception {
        webex = emulator.get();
        seed = webex.seed();
        receiver = new Receiver();
        webex.clearDeliveries();
        webex.clearDeliveryFaults();
        meetingId = (String)
                TestMeetings.create(webex, "Faults", "allowJoinWithLobby").get("id");
        ParticipantWebhooksTest.register(
                TestHttp.client(webex, seed.organizer().accessToken()),
                receiver.url(),
                "joined",
                "meetingId=" + meetingId);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        webex.clearDeliveryFaults();
        webex.webhooks()
                .forEach(w -> TestHttp.client(webex, seed.organizer().accessToken())
                        .delete()
                        .uri("/v1/webhooks/{id}", w.id())
                        .exchange());
    }

    Participant knock(String name) {
        return webex.knock(meetingId, name, name.toLowerCase() + "@example.com", webex.password(meetingId));
    }

    Delivery deliveryOf(Participant p) {
        return webex.deliveries().stream()
                .filter(d -> d.dataId().equals(p.id()))
                .findFirst()
                .orElseThrow();
    }

    String participantIdIn(Receiver.Received got) {
        return JSON.readTree(got.body()).get("data").get("id").asString();
    }

    @Test
    void droppedDeliveryIsLoggedAsDroppedAndNeverSent() {
        webex.dropDeliveries("meetingParticipants", 1);
        Participant lost = knock("Lost");
        Participant seen = knock("Seen");

        assertThat(participantIdIn(receiver.awaitCount(1).get(0))).isEqualTo(seen.id());
        Delivery dropped = deliveryOf(lost);
        assertThat(dropped.dropped()).isTrue();
        assertThat(dropped.attempts()).isEmpty();
        assertThat(dropped.delivered()).isFalse();
        assertThat(deliveryOf(seen).dropped()).isFalse();
        assertThat(receiver.received()).hasSize(1);
        assertThat(webex.pendingDeliveryFaults()).isEmpty();
    }

    @Test
    void dropUntilClearedLosesEverythingOfThatResourceOnly() {
        webex.dropDeliveries("meetingParticipants");
        webex.dropDeliveries("messages", 1);
        knock("One");
        knock("Two");
        assertThat(webex.deliveries()).hasSize(2).allMatch(Delivery::dropped);
        assertThat(webex.pendingDeliveryFaults()).hasSize(2);

        webex.clearDeliveryFaults();
        Participant after = knock("Three");
        assertThat(participantIdIn(receiver.awaitCount(1).get(0))).isEqualTo(after.id());
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void delayedDeliveryArrivesNoSoonerThanTheDelay() {
        webex.delayDeliveries("meetingParticipants", 400, 1);
        long before = System.nanoTime();
        Participant slow = knock("Slow");

        receiver.awaitCount(1);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> deliveryOf(slow).delivered());
        assertThat(deliveryOf(slow).delayMillis()).isEqualTo(400L);
        assertThat(deliveryOf(slow).dropped()).isFalse();
    }

    @Test
    void faultsAreArmedListedAndClearedOverHttp() {
        WebTestClient http = TestHttp.client(webex);
        http.post()
                .uri("/_emulator/faults/deliveries")
                .bodyValue(Map.of("resource", "meetingParticipants", "action", "drop", "count", 1))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.action")
                .isEqualTo("drop");
        http.post()
                .uri("/_emulator/faults/deliveries")
                .bodyValue(Map.of("resource", "*", "action", "delay", "delayMillis", 50))
                .exchange()
                .expectStatus()
                .isCreated();
        http.post()
                .uri("/_emulator/faults/deliveries")
                .bodyValue(Map.of("resource", "messages", "action", "lose"))
                .exchange()
                .expectStatus()
                .isBadRequest();
        http.get()
                .uri("/_emulator/faults/deliveries")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(2)
                .jsonPath("$.items[0].count")
                .isEqualTo(1)
                .jsonPath("$.items[1].count")
                .doesNotExist();

        Participant lost = knock("Lost");
        http.get()
                .uri("/_emulator/deliveries")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.dataId == '" + lost.id() + "')].dropped")
                .isEqualTo(List.of(true));

        http.delete()
                .uri("/_emulator/faults/deliveries")
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThat(webex.pendingDeliveryFaults()).isEmpty();
    }
}
