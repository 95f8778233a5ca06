package io.guestgate.emulator.meetings;

import static io.guestgate.emulator.TestHttp.MAP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.emulator.TestHttp;
import io.guestgate.emulator.TestMeetings;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.support.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Who gets through a meeting's door, into which instance, and how they leave: through the Java API and /v1. */
class MeetingDoorTest {

    @RegisterExtension
    static WebexEmulatorExtension emulator = WebexEmulatorExtension.withDefaults();

    WebexEmulator webex;
    EmulatorSeed seed;
    WebTestClient organizer;

    @BeforeEach
    void setUp() {
        webex = emulator.get();
        seed = webex.seed();
        organizer = TestHttp.client(webex, seed.organizer().accessToken());
    }

    Map<String, Object> meeting(String title) {
        return TestMeetings.create(webex, title, "allowJoinWithLobby");
    }

    List<Map<String, Object>> listed(String meetingId) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) organizer
                .get()
                .uri("/v1/meetingParticipants?meetingId={id}", meetingId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody()
                .get("items");
        return items;
    }

    static void assertForbiddenForPassword(Runnable join) {
        assertThatThrownBy(join::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(e.getMessage()).contains("HOST_PIN_OR_MEETING_PASSWORD_REQUIRED");
        });
    }

    @Test
    void firstArrivalOpensAnInstanceWhoseIdEveryParticipantCarries() {
        Map<String, Object> m = meeting("Instance");
        String id = (String) m.get("id");
        Participant host = webex.joinMeeting(id, seed.organizer().accessToken());
        Participant guest = webex.joinMeeting(
                (String) m.get("sipAddress"),
                TestMeetings.guestToken(webex, "inst-1", "Anna Müller"),
                webex.password(id));

        assertThat(host.meetingId()).matches(id + "_I_\\d{18}").isEqualTo(guest.meetingId());
        assertThat(host.seriesId()).isEqualTo(id);
        assertThat(host.id()).startsWith(host.meetingId() + "_").isNotEqualTo(guest.id());
        assertThat(listed(id)).extracting(p -> p.get("meetingId")).containsOnly(host.meetingId());
        assertThat(listed(host.meetingId())).extracting(p -> p.get("id")).containsExactly(host.id(), guest.id());
        assertThat(listed(MeetingView.occurrenceId(webex.meetings().stream()
                        .filter(x -> x.id().equals(id))
                        .findFirst()
                        .orElseThrow())))
                .hasSize(2);
        assertThat(webex.participants(host.meetingId())).containsExactlyElementsOf(webex.participants(id));
    }

    @Test
    void hostAdmitsByParticipantIdAndTheInstanceIdStays() {
        Map<String, Object> m = meeting("Admit");
        Participant waiting = webex.joinMeeting(
                (String) m.get("id"), TestMeetings.guestToken(webex, "adm-1", "Anna"), webex.password((String)
                        m.get("id")));
        organizer
                .get()
                .uri("/v1/meetingParticipants/{id}", waiting.id())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("lobby")
                .jsonPath("$.joinedTime")
                .doesNotExist()
                .jsonPath("$.devices")
                .doesNotExist();

        organizer
                .post()
                .uri("/v1/meetingParticipants/admit")
                .bodyValue(Map.of("items", List.of(Map.of("participantId", waiting.id()))))
                .exchange()
                .expectStatus()
                .isNoContent();

        organizer
                .get()
                .uri("/v1/meetingParticipants/{id}", waiting.id())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("joined")
                .jsonPath("$.meetingId")
                .isEqualTo(waiting.meetingId())
                .jsonPath("$.joinedTime")
                .exists()
                .jsonPath("$.devices[0].joinedTime")
                .exists()
                .jsonPath("$.orgId")
                .isEqualTo(seed.orgId());
    }

    @Test
    void otherHostsAndUnknownInstancesSeeNothing() {
        Map<String, Object> m = meeting("Private");
        Participant host =
                webex.joinMeeting((String) m.get("id"), seed.organizer().accessToken());
        TestHttp.client(webex, seed.secondPerson().accessToken())
                .get()
                .uri("/v1/meetingParticipants?meetingId={id}", host.meetingId())
                .exchange()
                .expectStatus()
                .isNotFound();
        TestHttp.client(webex, seed.secondPerson().accessToken())
                .get()
                .uri("/v1/meetingParticipants/{id}", host.id())
                .exchange()
                .expectStatus()
                .isNotFound();
        organizer
                .get()
                .uri("/v1/meetingParticipants?meetingId={id}", m.get("id") + "_I_100000000000000000")
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(listed((String) meeting("Empty").get("id"))).isEmpty();
    }

    @Test
    void leavingEndsTheParticipantAndTheLastToLeaveEndsTheInstance() {
        String id = (String) meeting("Leave").get("id");
        Participant host = webex.joinMeeting(id, seed.organizer().accessToken());
        Participant guest =
                webex.joinMeeting(id, TestMeetings.guestToken(webex, "leave-1", "Anna"), webex.password(id));

        Participant gone = webex.leave(guest.id());
        assertThat(gone.state()).isEqualTo(Participant.State.END);
        assertThat(listed(id))
                .filteredOn(p -> p.get("id").equals(guest.id()))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("state", "end")
                        .containsKey("leftTime")
                        .doesNotContainKey("joinedTime"));
        assertThat(webex.leave(guest.id())).as("leaving twice changes nothing").isEqualTo(gone);

        webex.leave(host.id());
        Participant back = webex.joinMeeting(id, seed.organizer().accessToken());
        assertThat(back.meetingId())
                .as("a new session is a new instance")
                .isNotEqualTo(host.meetingId())
                .startsWith(id + "_I_");
        assertThat(listed(id)).extracting(p -> p.get("id")).containsExactly(back.id());
        assertThat(listed(host.meetingId())).extracting(p -> p.get("state")).containsExactly("end", "end");
        assertThat(webex.participants(id))
                .extracting(Participant::id)
                .containsExactly(host.id(), guest.id(), back.id());
    }

    @Test
    void strangerKnocksIntoTheLobbyWithoutPersonIdAndFromAForeignOrg() {
        Map<String, Object> m = meeting("Knock");
        Participant stranger = webex.knock(
                (String) m.get("sipAddress"), "Anna Müller", "anna@example.com", webex.password((String) m.get("id")));

        assertThat(stranger.state()).isEqualTo(Participant.State.LOBBY);
        assertThat(stranger.personId()).isNull();
        assertThat(stranger.authenticated()).isFalse();
        assertThat(stranger.orgId())
                .isEqualTo(WebexEmulator.UNAUTHENTICATED_ORG_ID)
                .isNotEqualTo(seed.orgId())
                .isEqualTo(EmulatorSeed.WebexIds.of("ORGANIZATION", "webex-unauthenticated-users"));
        organizer
                .get()
                .uri("/v1/meetingParticipants/{id}", stranger.id())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.orgId")
                .isEqualTo(WebexEmulator.UNAUTHENTICATED_ORG_ID)
                .jsonPath("$.email")
                .isEqualTo("anna@example.com")
                .jsonPath("$.displayName")
                .isEqualTo("Anna Müller")
                .jsonPath("$.state")
                .isEqualTo("lobby")
                .jsonPath("$.meetingId")
                .isEqualTo(stranger.meetingId());
    }

    @Test
    void joinSecurityDecidesForStrangersAndGuestsButNotForTheOrg() {
        Map<String, Object> blocked = TestMeetings.create(webex, "Blocked", "blockFromJoin");
        String blockedId = (String) blocked.get("id");
        assertThatThrownBy(() -> webex.knock(blockedId, "Mallory", "m@example.net", webex.password(blockedId)))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThat(webex.joinMeeting(blockedId, seed.secondPerson().accessToken())
                        .state())
                .isEqualTo(Participant.State.JOINED);

        String open = (String) TestMeetings.create(webex, "Open", "allowJoin").get("id");
        assertThat(webex.knock(open, "Bob", "bob@example.org", webex.password(open))
                        .state())
                .isEqualTo(Participant.State.JOINED);
    }

    @Test
    void guestsAndStrangersNeedTheMeetingPasswordTheOrgDoesNot() {
        String id = (String) meeting("Password").get("id");
        String guest = TestMeetings.guestToken(webex, "pw-1", "Anna");

        assertForbiddenForPassword(() -> webex.joinMeeting(id, guest));
        assertForbiddenForPassword(() -> webex.joinMeeting(id, guest, "wrong-" + webex.password(id)));
        assertForbiddenForPassword(() -> webex.knock(id, "Mallory", "m@example.net", null));
        assertForbiddenForPassword(() -> webex.knock(id, "Mallory", "m@example.net", "not-" + webex.password(id)));
        assertThat(webex.participants(id)).isEmpty();

        assertThat(webex.joinMeeting(id, guest, webex.password(id)).state()).isEqualTo(Participant.State.LOBBY);
        assertThat(webex.joinMeeting(id, seed.organizer().accessToken()).host()).isTrue();
        assertThat(webex.joinMeeting(id, seed.secondPerson().accessToken()).state())
                .isEqualTo(Participant.State.JOINED);
    }

    /** The spec defines excludePassword as leaving the password out of the invitation email, not off the door. */
    @Test
    void excludePasswordDoesNotLetGuestsInWithoutIt() {
        String excluded = (String) TestMeetings.create(webex, "Excluded", "allowJoinWithLobby", true)
                .get("id");
        String guest = TestMeetings.guestToken(webex, "pw-2", "Anna");
        assertForbiddenForPassword(() -> webex.joinMeeting(excluded, guest));
        assertThat(webex.joinMeeting(excluded, guest, webex.password(excluded)).state())
                .isEqualTo(Participant.State.LOBBY);
    }

    @Test
    void passwordRuleCanBeSwitchedOffForSitesThatDoNotAskGuests() {
        try (WebexEmulator lenient = WebexEmulator.builder()
                .property("emulator.meetings.guest-password-required", "false")
                .start()) {
            String id = (String) TestMeetings.create(lenient, "Lenient", "allowJoinWithLobby")
                    .get("id");
            assertThat(lenient.joinMeeting(id, TestMeetings.guestToken(lenient, "len-1", "Anna"))
                            .state())
                    .isEqualTo(Participant.State.LOBBY);
            assertThat(lenient.knock(id, "Bob", "bob@example.org", null).state())
                    .isEqualTo(Participant.State.LOBBY);
        }
    }
}
