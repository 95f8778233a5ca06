package io.guestgate.emulator.webhooks;

import static io.guestgate.emulator.TestHttp.MAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.emulator.TestHttp;
import io.guestgate.emulator.TestMeetings;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.meetings.Participant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code meetingParticipants} webhooks: lobby entry, admission and leaving, signed, with the participant as data. */
class ParticipantWebhooksTest {

    @RegisterExtension
    static WebexEmulatorExtension emulator = WebexEmulatorExtension.withDefaults();

    static final String SECRET = "the-organizer's-door-secret";
    static final JsonMapper JSON = JsonMapper.builder().build();

    WebexEmulator webex;
    EmulatorSeed seed;
    Receiver receiver;
    WebTestClient organizer;

    @BeforeEach
    void setUp() throws Exception {
        webex = emulator.get();
        seed = webex.seed();
        receiver = new Receiver();
        organizer = TestHttp.client(webex, seed.organizer().accessToken());
        webex.clearDeliveries();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        for (String token :
                List.of(seed.organizer().accessToken(), seed.secondPerson().accessToken())) {
            webex.webhooks()
                    .forEach(w -> TestHttp.client(webex, token)
                            .delete()
                            .uri("/v1/webhooks/{id}", w.id())
                            .exchange());
        }
    }

    static String register(WebTestClient as, String url, String event, String filter) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "name",
                "GuestGate door " + event,
                "targetUrl",
                url,
                "resource",
                "meetingParticipants",
                "event",
                event,
                "secret",
                SECRET));
        if (filter != null) {
            body.put("filter", filter);
        }
        return (String) as.post()
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

    Map<String, Object> get(String participantId) {
        return organizer
                .get()
                .uri("/v1/meetingParticipants/{id}", participantId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    static JsonNode verified(Receiver.Received got) throws Exception {
        assertThat(got.signature()).isEqualTo(WebhookDeliveryTest.hmacSha1Hex(SECRET, got.body()));
        return JSON.readTree(got.body());
    }

    static Map<String, Object> data(JsonNode envelope) {
        return JSON.convertValue(envelope.get("data"), new TypeReference<Map<String, Object>>() {});
    }

    @Test
    void lobbyEntryAdmissionAndLeavingFireSignedEventsWithTheParticipant() throws Exception {
        String id = (String)
                TestMeetings.create(webex, "Door", "allowJoinWithLobby").get("id");
        String joinedHook = register(organizer, receiver.url(), "joined", null);
        register(organizer, receiver.url(), "left", null);
        String guestToken = TestMeetings.guestToken(webex, "hook-1", "Anna Müller");
        String guestId = TestHttp.client(webex, guestToken)
                .get()
                .uri("/v1/people/me")
                .exchange()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();

        Participant guest = webex.joinMeeting(id, guestToken, webex.password(id));
        JsonNode lobby = verified(receiver.awaitCount(1).get(0));
        assertThat(lobby.get("id").asString()).isEqualTo(joinedHook);
        assertThat(lobby.get("resource").asString()).isEqualTo("meetingParticipants");
        assertThat(lobby.get("event").asString()).isEqualTo("joined");
        assertThat(lobby.get("actorId").asString()).isEqualTo(guestId);
        assertThat(lobby.get("createdBy").asString()).isEqualTo(seed.organizer().id());
        assertThat(data(lobby))
                .isEqualTo(get(guest.id()))
                .containsEntry("state", "lobby")
                .containsEntry("meetingId", guest.meetingId());

        organizer
                .post()
                .uri("/v1/meetingParticipants/admit")
                .bodyValue(Map.of("items", List.of(Map.of("participantId", guest.id()))))
                .exchange()
                .expectStatus()
                .isNoContent();
        JsonNode admitted = verified(receiver.awaitCount(2).get(1));
        assertThat(admitted.get("event").asString()).isEqualTo("joined");
        assertThat(data(admitted))
                .isEqualTo(get(guest.id()))
                .containsEntry("state", "joined")
                .containsKey("devices");

        webex.leave(guest.id());
        JsonNode left = verified(receiver.awaitCount(3).get(2));
        assertThat(left.get("event").asString()).isEqualTo("left");
        assertThat(data(left))
                .isEqualTo(get(guest.id()))
                .containsEntry("state", "end")
                .containsKey("leftTime")
                .containsEntry("meetingId", guest.meetingId());
    }

    @Test
    void aStrangersEventNamesTheHostAsActorAndCarriesTheForeignOrg() throws Exception {
        Map<String, Object> m = TestMeetings.create(webex, "Stranger", "allowJoinWithLobby");
        register(organizer, receiver.url(), "joined", null);

        webex.knock(
                (String) m.get("sipAddress"), "Anna Müller", "anna@example.com", webex.password((String) m.get("id")));

        JsonNode envelope = verified(receiver.awaitCount(1).get(0));
        assertThat(envelope.get("actorId").asString())
                .isEqualTo(seed.organizer().id());
        assertThat(data(envelope))
                .containsEntry("orgId", WebexEmulator.UNAUTHENTICATED_ORG_ID)
                .containsEntry("email", "anna@example.com")
                .containsEntry("state", "lobby");
    }

    @Test
    void meetingIdFilterMatchesSeriesAndInstanceIdsOnly() {
        String id = (String)
                TestMeetings.create(webex, "Filtered", "allowJoinWithLobby").get("id");
        String other = (String)
                TestMeetings.create(webex, "Other", "allowJoinWithLobby").get("id");
        String bySeries = register(organizer, receiver.url(), "joined", "meetingId=" + id);
        String byOther = register(organizer, receiver.url(), "joined", "meetingId=" + other);

        Participant host = webex.joinMeeting(id, seed.organizer().accessToken());
        String byInstance = register(organizer, receiver.url(), "joined", "meetingId=" + host.meetingId());
        webex.joinMeeting(id, seed.secondPerson().accessToken());

        assertThat(webex.deliveries())
                .extracting(Delivery::webhookId)
                .containsExactlyInAnyOrder(bySeries, bySeries, byInstance)
                .doesNotContain(byOther);
    }

    @Test
    void onlyTheHostsWebhooksHearOfTheirMeeting() {
        String id = (String)
                TestMeetings.create(webex, "Mine", "allowJoinWithLobby").get("id");
        String theirs =
                register(TestHttp.client(webex, seed.secondPerson().accessToken()), receiver.url(), "joined", null);
        String mine = register(organizer, receiver.url(), "joined", null);

        webex.joinMeeting(id, seed.secondPerson().accessToken());

        assertThat(webex.deliveries())
                .extracting(Delivery::webhookId)
                .containsExactly(mine)
                .doesNotContain(theirs);
    }

    @Test
    void lobbyEntryCanBeSilentSoOnlyAdmissionSaysJoined() throws Exception {
        try (WebexEmulator quiet = WebexEmulator.builder()
                .property("emulator.meetings.lobby-joined-events", "false")
                .start()) {
            String id = (String)
                    TestMeetings.create(quiet, "Quiet", "allowJoinWithLobby").get("id");
            register(TestHttp.client(quiet, quiet.seed().organizer().accessToken()), receiver.url(), "joined", null);

            Participant guest =
                    quiet.joinMeeting(id, TestMeetings.guestToken(quiet, "quiet-1", "Anna"), quiet.password(id));
            assertThat(quiet.deliveries()).as("no joined event for the lobby").isEmpty();
            TestHttp.client(quiet, quiet.seed().organizer().accessToken())
                    .post()
                    .uri("/v1/meetingParticipants/admit")
                    .bodyValue(Map.of("items", List.of(Map.of("participantId", guest.id()))))
                    .exchange()
                    .expectStatus()
                    .isNoContent();

            assertThat(data(verified(receiver.awaitCount(1).get(0)))).containsEntry("state", "joined");
            assertThat(quiet.deliveries()).hasSize(1);
        }
    }

    @Test
    void participantWebhooksTakeOnlyJoinedOrLeftAndNoOrgFiltersForAUser() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("event", "created"),
                Map.of("event", "joined", "filter", "roomId=abc"),
                Map.of(
                        "event",
                        "joined",
                        "filter",
                        "hostEmail=" + seed.organizer().email()))) {
            Map<String, Object> body = new HashMap<>(
                    Map.of("name", "Bad", "targetUrl", receiver.url(), "resource", "meetingParticipants"));
            body.putAll(bad);
            organizer
                    .post()
                    .uri("/v1/webhooks")
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isBadRequest();
        }
        organizer
                .post()
                .uri("/v1/webhooks")
                .bodyValue(Map.of(
                        "name",
                        "Org",
                        "targetUrl",
                        receiver.url(),
                        "resource",
                        "meetingParticipants",
                        "event",
                        "left",
                        "filter",
                        "hostUserId=" + seed.organizer().id(),
                        "ownedBy",
                        "org"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
