package io.guestgate.emulator.meetings;

import static io.guestgate.emulator.TestHttp.MAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.emulator.TestHttp;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.WebexEmulatorExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

class MeetingsTest {

    static final Instant NOW = Instant.parse("2030-03-01T08:00:00Z");
    static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

    @RegisterExtension
    static WebexEmulatorExtension emulator = WebexEmulatorExtension.configure(b -> b.clock(Clock.fixed(NOW, VIENNA)));

    static Map<String, Object> lockedDown(String title, String start, String end) {
        Map<String, Object> body = new HashMap<>(Map.ofEntries(
                Map.entry("enabledAutoRecordMeeting", false),
                Map.entry("allowAnyUserToBeCoHost", false),
                Map.entry("enabledJoinBeforeHost", true),
                Map.entry("enableConnectAudioBeforeHost", false),
                Map.entry("excludePassword", true),
                Map.entry("publicMeeting", false),
                Map.entry("enabledWebcastView", false),
                Map.entry("enableAutomaticLock", false),
                Map.entry("allowFirstUserToBeCoHost", false),
                Map.entry("allowAuthenticatedDevices", false),
                Map.entry("sendEmail", false),
                Map.entry("unlockedMeetingJoinSecurity", "allowJoinWithLobby"),
                Map.entry("timezone", "Europe/Vienna")));
        body.put("title", title);
        body.put("start", start);
        body.put("end", end);
        return body;
    }

    WebTestClient organizer(WebexEmulator webex) {
        return TestHttp.client(webex, webex.seed().organizer().accessToken());
    }

    Map<String, Object> create(WebexEmulator webex, String title) {
        return organizer(webex)
                .post()
                .uri("/v1/meetings")
                .bodyValue(lockedDown(title, "2030-03-02T10:00:00+01:00", "2030-03-02T11:00:00+01:00"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void createsMeetingWithGeneratedNumberLinksAndSipAddress(WebexEmulator webex) {
        Map<String, Object> m = organizer(webex)
                .post()
                .uri("/v1/meetings")
                .bodyValue(lockedDown("Q3 review", "2030-03-02 10:00:00", "2030-03-02 11:30:00"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/json;charset=UTF-8")
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();

        String site = webex.seed().siteUrl();
        assertThat((String) m.get("id")).matches("[0-9a-f]{32}");
        assertThat((String) m.get("meetingNumber")).matches("\\d{11}");
        assertThat(m.get("sipAddress")).isEqualTo(m.get("meetingNumber") + "@" + site);
        assertThat((String) m.get("webLink")).startsWith("https://" + site + "/");
        assertThat((String) m.get("hostKey")).matches("\\d{6}");
        assertThat(m)
                .containsEntry("start", "2030-03-02T10:00:00+01:00")
                .containsEntry("end", "2030-03-02T11:30:00+01:00")
                .containsEntry("timezone", "Europe/Vienna")
                .containsEntry("unlockedMeetingJoinSecurity", "allowJoinWithLobby")
                .containsEntry("enabledJoinBeforeHost", true)
                .containsEntry("hostUserId", webex.seed().organizer().id())
                .doesNotContainValue(null);

        organizer(webex)
                .get()
                .uri("/v1/meetings/{id}", m.get("id"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Q3 review");
        TestHttp.client(webex, webex.seed().secondPerson().accessToken())
                .get()
                .uri("/v1/meetings/{id}", m.get("id"))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "start in the past        | 2030-03-01T07:59:00Z | 2030-03-01T09:00:00Z |",
                "shorter than 10 minutes  | 2030-03-02T10:00:00Z | 2030-03-02T10:09:59Z |",
                "longer than 23h59        | 2030-03-02T10:00:00Z | 2030-03-03T10:00:00Z |",
                "end before start         | 2030-03-02T10:00:00Z | 2030-03-02T09:00:00Z |",
                "unknown join security    | 2030-03-02T10:00:00Z | 2030-03-02T11:00:00Z | allowEveryone",
                "not a date               | tomorrow             | 2030-03-02T11:00:00Z |"
            })
    void rejectsInvalidMeeting(String scenario, String start, String end, String security, WebexEmulator webex) {
        Map<String, Object> body = lockedDown("Review", start, end);
        if (security != null) {
            body.put("unlockedMeetingJoinSecurity", security);
        }
        organizer(webex)
                .post()
                .uri("/v1/meetings")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.message")
                .exists()
                .jsonPath("$.trackingId")
                .exists();
    }

    @Test
    void acceptsExactLimitsOfLengthAndTitle(WebexEmulator webex) {
        organizer(webex)
                .post()
                .uri("/v1/meetings")
                .bodyValue(lockedDown("x".repeat(128), "2030-03-02T10:00:00Z", "2030-03-02T10:10:00Z"))
                .exchange()
                .expectStatus()
                .isOk();
        organizer(webex)
                .post()
                .uri("/v1/meetings")
                .bodyValue(lockedDown("y", "2030-03-02T10:00:00Z", "2030-03-03T09:59:00Z"))
                .exchange()
                .expectStatus()
                .isOk();
        organizer(webex)
                .post()
                .uri("/v1/meetings")
                .bodyValue(lockedDown("x".repeat(129), "2030-03-02T10:00:00Z", "2030-03-02T11:00:00Z"))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void updatesAndDeletes(WebexEmulator webex) {
        Map<String, Object> m = create(webex, "Before");
        organizer(webex)
                .put()
                .uri("/v1/meetings/{id}", m.get("id"))
                .bodyValue(Map.of(
                        "title",
                        "After",
                        "start",
                        "2030-03-05T10:00:00+01:00",
                        "end",
                        "2030-03-05T10:30:00+01:00",
                        "timezone",
                        "Europe/Vienna"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("After")
                .jsonPath("$.meetingSeriesId")
                .isEqualTo(m.get("id"))
                .jsonPath("$.meetingNumber")
                .isEqualTo(m.get("meetingNumber"))
                .jsonPath("$.unlockedMeetingJoinSecurity")
                .isEqualTo("allowJoinWithLobby");

        organizer(webex)
                .delete()
                .uri("/v1/meetings/{id}", m.get("id"))
                .exchange()
                .expectStatus()
                .isNoContent();
        organizer(webex)
                .get()
                .uri("/v1/meetings/{id}", m.get("id"))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void listsHostMeetingsPageByPageFollowingLinkHeader() {
        try (WebexEmulator webex =
                WebexEmulator.builder().clock(Clock.fixed(NOW, VIENNA)).start()) {
            for (int i = 0; i < 5; i++) {
                create(webex, "M" + i);
            }
            var first = organizer(webex)
                    .get()
                    .uri("/v1/meetings?max=2")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .returnResult(MAP);
            String link = first.getResponseHeaders().getFirst(HttpHeaders.LINK);
            assertThat(link).contains("rel=\"next\"");
            int seen = ((List<?>) first.getResponseBody().blockFirst().get("items")).size();
            while (link != null) {
                String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
                var page = organizer(webex)
                        .get()
                        .uri(java.net.URI.create(next))
                        .exchange()
                        .returnResult(MAP);
                seen += ((List<?>) page.getResponseBody().blockFirst().get("items")).size();
                link = page.getResponseHeaders().getFirst(HttpHeaders.LINK);
            }
            assertThat(seen).isEqualTo(5);
        }
    }

    @Test
    void invitesOnceAndRejectsDuplicateWith409(WebexEmulator webex) {
        Map<String, Object> m = create(webex, "Invitees");
        organizer(webex)
                .post()
                .uri("/v1/meetingInvitees")
                .bodyValue(Map.of(
                        "meetingId",
                        m.get("id"),
                        "email",
                        "anna@example.com",
                        "displayName",
                        "Anna Müller",
                        "sendEmail",
                        false))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.displayName")
                .isEqualTo("Anna Müller");
        organizer(webex)
                .post()
                .uri("/v1/meetingInvitees")
                .bodyValue(Map.of("meetingId", m.get("id"), "email", "ANNA@example.com"))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        organizer(webex)
                .get()
                .uri("/v1/meetingInvitees?meetingId={id}", m.get("id"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1);
    }

    @Test
    void joinLinkExpiresAfterRequestedMinutes(WebexEmulator webex) {
        Map<String, Object> m = create(webex, "Join");
        organizer(webex)
                .post()
                .uri("/v1/meetings/join")
                .bodyValue(Map.of(
                        "meetingId",
                        m.get("id"),
                        "displayName",
                        "Anna Müller",
                        "email",
                        "anna@example.com",
                        "expirationMinutes",
                        5,
                        "joinDirectly",
                        false))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.joinLink")
                .value(l -> assertThat((String) l).contains("/_emulator/join/"))
                .jsonPath("$.expiration")
                .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(NOW.plusSeconds(300)));
        organizer(webex)
                .post()
                .uri("/v1/meetings/join")
                .bodyValue(Map.of("meetingId", m.get("id"), "expirationMinutes", 61))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void guestWaitsInLobbyUntilHostAdmits(WebexEmulator webex) {
        Map<String, Object> m = create(webex, "Lobby");
        String guestToken = TestHttp.client(webex, webex.seed().serviceApp().accessToken())
                .post()
                .uri("/v1/guests/token")
                .bodyValue(Map.of("subject", "inv-1", "displayName", "Anna Müller"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody()
                .get("accessToken")
                .toString();

        Participant p = webex.joinMeeting((String) m.get("sipAddress"), guestToken, (String) m.get("password"));
        assertThat(p.state()).isEqualTo(Participant.State.LOBBY);
        organizer(webex)
                .get()
                .uri("/v1/meetingParticipants?meetingId={id}", m.get("id"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].state")
                .isEqualTo("lobby")
                .jsonPath("$.items[0].displayName")
                .isEqualTo("Anna Müller");

        organizer(webex)
                .post()
                .uri("/v1/meetingParticipants/admit")
                .bodyValue(Map.of("items", List.of(Map.of("participantId", p.id()))))
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThat(webex.participants((String) m.get("id")))
                .singleElement()
                .extracting(Participant::state)
                .isEqualTo(Participant.State.JOINED);
    }

    @Test
    void botCannotScheduleMeetings(WebexEmulator webex) {
        TestHttp.client(webex, webex.seed().bot().accessToken())
                .post()
                .uri("/v1/meetings")
                .bodyValue(lockedDown("Bot", "2030-03-02T10:00:00Z", "2030-03-02T11:00:00Z"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
