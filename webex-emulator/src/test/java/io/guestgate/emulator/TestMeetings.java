package io.guestgate.emulator;

import static io.guestgate.emulator.TestHttp.MAP;

import java.util.HashMap;
import java.util.Map;

/**
 * Meetings and guests for tests, made through the emulator's own API. Meetings start on 2 March 2030, later than any
 * test's clock.
 */
public final class TestMeetings {

    private TestMeetings() {}

    /** A meeting of the seed's organizer with this join security and GuestGate's other flags. */
    public static Map<String, Object> create(WebexEmulator webex, String title, String joinSecurity) {
        return create(webex, title, joinSecurity, true);
    }

    public static Map<String, Object> create(
            WebexEmulator webex, String title, String joinSecurity, boolean excludePassword) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "title",
                title,
                "start",
                "2030-03-02T10:00:00+01:00",
                "end",
                "2030-03-02T11:00:00+01:00",
                "timezone",
                "Europe/Vienna",
                "enabledJoinBeforeHost",
                true,
                "excludePassword",
                excludePassword,
                "unlockedMeetingJoinSecurity",
                joinSecurity,
                "sendEmail",
                false));
        return TestHttp.client(webex, webex.seed().organizer().accessToken())
                .post()
                .uri("/v1/meetings")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    /** A guest (appuser) token from the seed's Service App. */
    public static String guestToken(WebexEmulator webex, String subject, String displayName) {
        return (String) TestHttp.client(webex, webex.seed().serviceApp().accessToken())
                .post()
                .uri("/v1/guests/token")
                .bodyValue(Map.of("subject", subject, "displayName", displayName))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody()
                .get("accessToken");
    }
}
