package io.guestgate.emulator;

import static io.guestgate.emulator.TestHttp.MAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.emulator.config.EmulatorSeed;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The test-only routes under /_emulator, used over HTTP as the sandbox and non-Java tests would. */
class TestRoutesTest {

    @RegisterExtension
    static WebexEmulatorExtension emulator = WebexEmulatorExtension.withDefaults();

    @Test
    void faultsAreArmedListedConsumedAndJournalled(WebexEmulator webex) {
        WebTestClient http = TestHttp.client(webex);
        WebTestClient organizer =
                TestHttp.client(webex, webex.seed().organizer().accessToken());
        http.delete().uri("/_emulator/requests").exchange().expectStatus().isNoContent();
        http.post()
                .uri("/_emulator/faults")
                .bodyValue(Map.of("route", "GET /v1/people/me", "count", 2, "status", 429, "retryAfterSeconds", 3))
                .exchange()
                .expectStatus()
                .isCreated();
        http.get()
                .uri("/_emulator/faults")
                .exchange()
                .expectBody()
                .jsonPath("$.items[0].count")
                .isEqualTo(2);

        organizer
                .get()
                .uri("/v1/people/me")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "3");
        organizer.get().uri("/v1/people/me").exchange().expectStatus().isEqualTo(429);
        organizer.get().uri("/v1/people/me").exchange().expectStatus().isOk();

        http.get()
                .uri("/_emulator/requests")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(3)
                .jsonPath("$.items[0].status")
                .isEqualTo(429)
                .jsonPath("$.items[2].status")
                .isEqualTo(200)
                .jsonPath("$.items[2].personId")
                .isEqualTo(webex.seed().organizer().id());
        http.get()
                .uri("/_emulator/faults")
                .exchange()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(0);
        http.post()
                .uri("/_emulator/faults")
                .bodyValue(Map.of("route", "nonsense", "status", 503))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void journalKeepsNamesNeverValues(WebexEmulator webex) {
        webex.clearRequests();
        TestHttp.client(webex, webex.seed().organizer().accessToken())
                .get()
                .uri("/v1/meetings?meetingNumber=secret-value-123")
                .exchange();
        String journal = TestHttp.client(webex)
                .get()
                .uri("/_emulator/requests")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(journal)
                .contains("meetingNumber")
                .doesNotContain("secret-value-123")
                .doesNotContain(webex.seed().organizer().accessToken());
    }

    @Test
    void signInAsMakesAuthorizeRedirectAtOnceAndExpireRevokesTokens(WebexEmulator webex) {
        WebTestClient http = TestHttp.client(webex);
        http.post()
                .uri("/_emulator/authorize/as")
                .bodyValue(Map.of("email", webex.seed().secondPerson().email()))
                .exchange()
                .expectStatus()
                .isOk();
        URI location = http.get()
                .uri(b -> b.path("/v1/authorize")
                        .queryParam("client_id", webex.seed().integration().clientId())
                        .queryParam("response_type", "code")
                        .queryParam(
                                "redirect_uri",
                                webex.seed().integration().redirectUris().get(0))
                        .queryParam("scope", "spark:people_read")
                        .queryParam("state", "abc")
                        .build())
                .exchange()
                .expectStatus()
                .isFound()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getLocation();
        assertThat(location.getQuery()).contains("code=").contains("state=abc");
        http.delete().uri("/_emulator/authorize/as").exchange().expectStatus().isNoContent();

        http.post()
                .uri("/_emulator/tokens/expire")
                .bodyValue(Map.of("personId", webex.seed().secondPerson().id()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.expired")
                .isEqualTo(1);
        TestHttp.client(webex, webex.seed().secondPerson().accessToken())
                .get()
                .uri("/v1/people/me")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void groupSpaceAndGuestJoinOverHttp(WebexEmulator webex) {
        WebTestClient http = TestHttp.client(webex);
        EmulatorSeed seed = webex.seed();
        Map<String, Object> room = http.post()
                .uri("/_emulator/rooms")
                .bodyValue(Map.of(
                        "title",
                        "Team",
                        "members",
                        List.of(seed.organizer().email(), seed.bot().id())))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(room).containsEntry("type", "group");

        Map<String, Object> meeting = TestHttp.client(webex, seed.organizer().accessToken())
                .post()
                .uri("/v1/meetings")
                .bodyValue(Map.of(
                        "title",
                        "Open",
                        "start",
                        java.time.Instant.now().plusSeconds(3600).toString(),
                        "end",
                        java.time.Instant.now().plusSeconds(7200).toString(),
                        "unlockedMeetingJoinSecurity",
                        "blockFromJoin"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        String guest = (String) TestHttp.client(webex, seed.serviceApp().accessToken())
                .post()
                .uri("/v1/guests/token")
                .bodyValue(Map.of("subject", "g-1", "displayName", "Gast"))
                .exchange()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody()
                .get("accessToken");

        http.post()
                .uri("/_emulator/meetings/join")
                .bodyValue(Map.of("destination", meeting.get("meetingNumber"), "accessToken", guest))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.post()
                .uri("/_emulator/meetings/join")
                .bodyValue(Map.of(
                        "destination",
                        meeting.get("meetingNumber"),
                        "accessToken",
                        seed.organizer().accessToken()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("joined")
                .jsonPath("$.host")
                .isEqualTo(true);
        http.get()
                .uri("/_emulator/meetings")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '" + meeting.get("id") + "')].participants[0].state")
                .isEqualTo("joined");
    }

    @Test
    void doorRoutesJoinWithPasswordKnockAndLeaveOverHttp(WebexEmulator webex) {
        WebTestClient http = TestHttp.client(webex);
        Map<String, Object> meeting = TestMeetings.create(webex, "Door", "allowJoinWithLobby");
        String password = webex.password((String) meeting.get("id"));
        String guest = TestMeetings.guestToken(webex, "door-1", "Gast");

        http.post()
                .uri("/_emulator/meetings/join")
                .bodyValue(Map.of("destination", meeting.get("sipAddress"), "accessToken", guest))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.message")
                .value(m -> assertThat((String) m).startsWith("HOST_PIN_OR_MEETING_PASSWORD_REQUIRED"));
        http.post()
                .uri("/_emulator/meetings/join")
                .bodyValue(Map.of("destination", meeting.get("sipAddress"), "accessToken", guest, "password", password))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("lobby");
        http.post()
                .uri("/_emulator/meetings/knock")
                .bodyValue(Map.of(
                        "destination",
                        meeting.get("meetingNumber"),
                        "displayName",
                        "Mallory",
                        "email",
                        "mallory@example.net"))
                .exchange()
                .expectStatus()
                .isForbidden();
        Map<String, Object> stranger = http.post()
                .uri("/_emulator/meetings/knock")
                .bodyValue(Map.of(
                        "destination",
                        meeting.get("webLink"),
                        "displayName",
                        "Mallory",
                        "email",
                        "mallory@example.net",
                        "password",
                        password))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(stranger)
                .containsEntry("state", "lobby")
                .containsEntry("orgId", WebexEmulator.UNAUTHENTICATED_ORG_ID)
                .containsEntry("email", "mallory@example.net");
        http.post()
                .uri("/_emulator/meetings/knock")
                .bodyValue(Map.of("destination", meeting.get("id")))
                .exchange()
                .expectStatus()
                .isBadRequest();

        http.post()
                .uri("/_emulator/meetings/participants/{id}/leave", stranger.get("id"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("end")
                .jsonPath("$.leftTime")
                .exists();
        http.post()
                .uri("/_emulator/meetings/participants/{id}/leave", "nobody")
                .exchange()
                .expectStatus()
                .isNotFound();

        String inMeeting = "$.items[?(@.id == '" + meeting.get("id") + "')].participants[*]";
        http.get()
                .uri("/_emulator/meetings")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath(inMeeting + ".state")
                .isEqualTo(List.of("lobby", "end"))
                .jsonPath(inMeeting + ".email")
                .isEqualTo(List.of(
                        webex.participants((String) meeting.get("id")).get(0).email(), "mallory@example.net"))
                .jsonPath(inMeeting + ".meetingId")
                .isEqualTo(List.of(stranger.get("meetingId"), stranger.get("meetingId")));
    }
}
