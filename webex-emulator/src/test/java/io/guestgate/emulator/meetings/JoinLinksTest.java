package io.guestgate.emulator.meetings;

import static io.guestgate.emulator.TestHttp.MAP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.emulator.MutableClock;
import io.guestgate.emulator.TestHttp;
import io.guestgate.emulator.TestMeetings;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.support.ApiException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code POST /v1/meetings/join} answers as the spec says, and its links let their bearer in, until they expire. */
class JoinLinksTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2030-03-01T08:00:00Z"));

    @RegisterExtension
    static WebexEmulatorExtension emulator = WebexEmulatorExtension.configure(b -> b.clock(CLOCK));

    WebTestClient organizer(WebexEmulator webex) {
        return TestHttp.client(webex, webex.seed().organizer().accessToken());
    }

    static Map<String, Object> linkFor(Object meetingId, Boolean joinDirectly) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "meetingId",
                meetingId,
                "displayName",
                "Anna Müller",
                "email",
                "anna@example.com",
                "expirationMinutes",
                5));
        if (joinDirectly != null) {
            body.put("joinDirectly", joinDirectly);
        }
        return body;
    }

    URI redirectedLink(WebexEmulator webex, Object meetingId, Boolean joinDirectly) {
        return organizer(webex)
                .post()
                .uri("/v1/meetings/join")
                .bodyValue(linkFor(meetingId, joinDirectly))
                .exchange()
                .expectStatus()
                .isFound()
                .expectBody()
                .isEmpty()
                .getResponseHeaders()
                .getLocation();
    }

    @Test
    void joinDirectlyTrueOrAbsentRedirectsToTheJoinLink(WebexEmulator webex) {
        Object id = TestMeetings.create(webex, "Redirect", "allowJoinWithLobby").get("id");
        assertThat(redirectedLink(webex, id, true).getPath()).startsWith("/_emulator/join/");
        assertThat(redirectedLink(webex, id, null).getPath()).startsWith("/_emulator/join/");
    }

    @Test
    void joinDirectlyFalseAnswersTheLinksInTheBody(WebexEmulator webex) {
        Object id = TestMeetings.create(webex, "Body", "allowJoinWithLobby").get("id");
        organizer(webex)
                .post()
                .uri("/v1/meetings/join")
                .bodyValue(linkFor(id, false))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/json;charset=UTF-8")
                .expectBody()
                .jsonPath("$.joinLink")
                .value(l -> assertThat((String) l).contains("/_emulator/join/"))
                .jsonPath("$.startLink")
                .value(l -> assertThat((String) l).contains("/_emulator/join/"))
                .jsonPath("$.expiration")
                .isEqualTo(CLOCK.instant().plusSeconds(300).toString());
        organizer(webex)
                .post()
                .uri("/v1/meetings/join")
                .bodyValue(Map.of("meetingId", id, "displayName", "Nameless", "joinDirectly", false))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void openingTheLinkShowsAButtonThatPutsItsBearerInTheLobbyLikeAStranger(WebexEmulator webex) {
        Map<String, Object> m = TestMeetings.create(webex, "Open link", "allowJoinWithLobby");
        URI link = redirectedLink(webex, m.get("id"), true);
        WebTestClient browser = TestHttp.client(webex);

        String page = browser.get()
                .uri(link.getPath())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page)
                .contains("Open link")
                .contains("Anna Müller")
                .contains("<form method=\"post\" action=\"" + link.getPath() + "\">");

        Map<String, Object> joined = browser.post()
                .uri(link.getPath())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(joined)
                .containsEntry("state", "lobby")
                .containsEntry("displayName", "Anna Müller")
                .containsEntry("email", "anna@example.com")
                .containsEntry("orgId", WebexEmulator.UNAUTHENTICATED_ORG_ID);
        assertThat((String) joined.get("meetingId")).startsWith(m.get("id") + "_I_");

        Participant viaJava = webex.openJoinLink(link.toString());
        Participant stranger = webex.knock(
                (String) m.get("id"), "Anna Müller", "anna@example.com", webex.password((String) m.get("id")));
        assertThat(viaJava).usingRecursiveComparison().ignoringFields("id").isEqualTo(stranger);
    }

    @Test
    void startLinkLetsTheHostIn(WebexEmulator webex) {
        Object id = TestMeetings.create(webex, "Start", "allowJoinWithLobby").get("id");
        String startLink = (String) organizer(webex)
                .post()
                .uri("/v1/meetings/join")
                .bodyValue(linkFor(id, false))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody()
                .get("startLink");
        Participant host = webex.openJoinLink(startLink);
        assertThat(host.host()).isTrue();
        assertThat(host.personId()).isEqualTo(webex.seed().organizer().id());
        assertThat(host.state()).isEqualTo(Participant.State.JOINED);
    }

    @Test
    void anExpiredLinkIsGone(WebexEmulator webex) {
        Object id = TestMeetings.create(webex, "Expiry", "allowJoinWithLobby").get("id");
        URI link = redirectedLink(webex, id, true);
        CLOCK.advance(Duration.ofMinutes(5));

        TestHttp.client(webex)
                .get()
                .uri(link.getPath())
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.GONE);
        TestHttp.client(webex)
                .post()
                .uri(link.getPath())
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.GONE)
                .expectBody()
                .jsonPath("$.message")
                .isEqualTo("The join link has expired.");
        assertThatThrownBy(() -> webex.openJoinLink(link.toString()))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.GONE));
        assertThat(webex.participants((String) id)).isEmpty();
    }
}
