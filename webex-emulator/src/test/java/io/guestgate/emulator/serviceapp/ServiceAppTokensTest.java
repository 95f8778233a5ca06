package io.guestgate.emulator.serviceapp;

import static io.guestgate.emulator.TestHttp.MAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.emulator.MutableClock;
import io.guestgate.emulator.TestHttp;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A Service App's token pair as Webex hands it out and renews it: the access token expires, the refresh token
 * (with the Service App's own client id and secret at {@code /access_token}) gives a new pair once, and the
 * token endpoint of an authorized Service App ({@code POST /applications/{id}/token}) gives a pair for the org.
 * Plain HTTP with the default seed's values, as a client sees them.
 */
class ServiceAppTokensTest {

    static final String REFRESH_TOKEN = "service-app-refresh-token";
    static final String CLIENT_ID = "emulator-service-app-client-id";
    static final String CLIENT_SECRET = "emulator-service-app-client-secret";

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2030-03-01T08:00:00Z"));

    @RegisterExtension
    static WebexEmulatorExtension emulator = WebexEmulatorExtension.configure(b -> b.clock(CLOCK)
            .property("emulator.service-app.access-token-lifetime", "PT1H")
            .property("emulator.service-app.refresh-token-lifetime", "P90D"));

    @Test
    void refreshesTheSeededPairIntoAnExpiringTokenThatCreatesGuestsUntilItExpires(WebexEmulator webex) {
        Map<String, Object> pair = refresh(webex, REFRESH_TOKEN, CLIENT_ID, CLIENT_SECRET)
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();

        assertThat(pair).containsKeys("access_token", "refresh_token").containsEntry("token_type", "Bearer");
        assertThat(((Number) pair.get("expires_in")).longValue()).isEqualTo(3600);
        assertThat(((Number) pair.get("refresh_token_expires_in")).longValue())
                .isEqualTo(Duration.ofDays(90).toSeconds());
        String access = (String) pair.get("access_token");
        createGuest(webex, access).expectStatus().isOk();

        CLOCK.advance(Duration.ofMinutes(59));
        createGuest(webex, access).expectStatus().isOk();
        CLOCK.advance(Duration.ofMinutes(1));
        createGuest(webex, access).expectStatus().isUnauthorized();

        // The rotated refresh token gives the next pair, and the used one is spent.
        Map<String, Object> next = refresh(webex, (String) pair.get("refresh_token"), CLIENT_ID, CLIENT_SECRET)
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        createGuest(webex, (String) next.get("access_token")).expectStatus().isOk();
        refresh(webex, (String) pair.get("refresh_token"), CLIENT_ID, CLIENT_SECRET)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.message")
                .exists()
                .jsonPath("$.trackingId")
                .exists();
    }

    @Test
    void refusesAnUnknownRefreshTokenAnotherClientAndAWrongSecret(WebexEmulator webex) {
        EmulatorSeed.Integration integration = webex.seed().integration();
        refresh(webex, "not-a-refresh-token", CLIENT_ID, CLIENT_SECRET)
                .expectStatus()
                .isBadRequest();

        String pairRefresh = (String) authorize(webex).get("refresh_token");
        refresh(webex, pairRefresh, integration.clientId(), integration.clientSecret())
                .expectStatus()
                .isBadRequest();
        refresh(webex, pairRefresh, CLIENT_ID, "wrong-secret").expectStatus().isUnauthorized();
        // Neither refusal spent it.
        refresh(webex, pairRefresh, CLIENT_ID, CLIENT_SECRET).expectStatus().isOk();
    }

    @Test
    void queuedLifetimesComeFirstThenTheConfiguredOneAndTheIssuedListHasNoValues(WebexEmulator webex) {
        TestHttp.client(webex)
                .post()
                .uri("/_emulator/service-app/token-lifetimes")
                .bodyValue(Map.of("lifetimes", List.of("PT10S", "PT2H")))
                .exchange()
                .expectStatus()
                .isOk();

        Map<String, Object> first = authorize(webex);
        Map<String, Object> second = refresh(webex, (String) first.get("refresh_token"), CLIENT_ID, CLIENT_SECRET)
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        Map<String, Object> third = refresh(webex, (String) second.get("refresh_token"), CLIENT_ID, CLIENT_SECRET)
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();

        assertThat(List.of(first, second, third))
                .extracting(p -> ((Number) p.get("expires_in")).longValue())
                .containsExactly(10L, 7200L, 3600L);
        String issued = TestHttp.client(webex)
                .get()
                .uri("/_emulator/service-app/tokens")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(issued)
                .contains("\"grant\":\"refresh_token\"")
                .contains("expiresAt")
                .doesNotContain((String) second.get("access_token"))
                .doesNotContain((String) second.get("refresh_token"));
    }

    @Test
    void applicationsTokenGivesAPairForTheOrgThatAuthorizedTheServiceApp(WebexEmulator webex) {
        EmulatorSeed seed = webex.seed();
        String organizer = seed.organizer().accessToken();
        String path = "/v1/applications/" + seed.serviceApp().id() + "/token";
        Map<String, Object> body =
                Map.of("clientId", CLIENT_ID, "clientSecret", CLIENT_SECRET, "targetOrgId", seed.orgId());

        Map<String, Object> pair = TestHttp.client(webex, organizer)
                .post()
                .uri(path)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(pair).containsKeys("access_token", "expires_in", "refresh_token", "refresh_token_expires_in");
        createGuest(webex, (String) pair.get("access_token")).expectStatus().isOk();

        TestHttp.client(webex, organizer)
                .post()
                .uri(path)
                .bodyValue(Map.of(
                        "clientId",
                        CLIENT_ID,
                        "clientSecret",
                        CLIENT_SECRET,
                        "targetOrgId",
                        EmulatorSeed.WebexIds.of("ORGANIZATION", "someone-else")))
                .exchange()
                .expectStatus()
                .isForbidden();
        TestHttp.client(webex, organizer)
                .post()
                .uri(path)
                .bodyValue(Map.of("clientId", CLIENT_ID, "clientSecret", "wrong", "targetOrgId", seed.orgId()))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        TestHttp.client(webex, organizer)
                .post()
                .uri(path)
                .bodyValue(Map.of("clientId", CLIENT_ID))
                .exchange()
                .expectStatus()
                .isBadRequest();
        TestHttp.client(webex, organizer)
                .post()
                .uri("/v1/applications/unknown/token")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isNotFound();
        TestHttp.client(webex, seed.bot().accessToken())
                .post()
                .uri(path)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void revokedRefreshTokensAreRefusedWhileTheAccessTokenWorksUntilItExpires() {
        // An emulator of its own, not the class's (the extension's): the revocation takes the seeded refresh token too,
        // which the other tests still use.
        try (WebexEmulator webex = WebexEmulator.start()) {
            Map<String, Object> pair = authorize(webex);

            TestHttp.client(webex)
                    .post()
                    .uri("/_emulator/service-app/revoke-refresh")
                    .exchange()
                    .expectStatus()
                    .isOk();

            refresh(webex, (String) pair.get("refresh_token"), CLIENT_ID, CLIENT_SECRET)
                    .expectStatus()
                    .isBadRequest();
            refresh(webex, REFRESH_TOKEN, CLIENT_ID, CLIENT_SECRET)
                    .expectStatus()
                    .isBadRequest();
            createGuest(webex, (String) pair.get("access_token")).expectStatus().isOk();
            assertThat(webex.serviceAppRefreshes()).isZero();
            assertThat(webex.serviceAppTokensIssued())
                    .extracting(ServiceAppGrants.Issued::grant)
                    .containsExactly("authorize");
        }
    }

    private static Map<String, Object> authorize(WebexEmulator webex) {
        return TestHttp.client(webex)
                .post()
                .uri("/_emulator/service-app/authorize")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    private static WebTestClient.ResponseSpec refresh(
            WebexEmulator webex, String refreshToken, String clientId, String clientSecret) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "refresh_token");
        form.add("client_id", clientId);
        form.add("client_secret", clientSecret);
        form.add("refresh_token", refreshToken);
        return TestHttp.client(webex)
                .post()
                .uri("/v1/access_token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange();
    }

    private static WebTestClient.ResponseSpec createGuest(WebexEmulator webex, String serviceAppToken) {
        return TestHttp.client(webex, serviceAppToken)
                .post()
                .uri("/v1/guests/token")
                .bodyValue(Map.of("subject", "gg-inv-1", "displayName", "Anna Muster"))
                .exchange();
    }
}
