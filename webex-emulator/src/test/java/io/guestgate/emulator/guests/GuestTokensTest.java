package io.guestgate.emulator.guests;

import static io.guestgate.emulator.TestHttp.MAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.emulator.TestHttp;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

class GuestTokensTest {

    @RegisterExtension
    static WebexEmulatorExtension emulator = WebexEmulatorExtension.withDefaults();

    static long inMinutes(int minutes) {
        return Instant.now().plusSeconds(minutes * 60L).getEpochSecond();
    }

    WebTestClient.ResponseSpec login(WebexEmulator webex, String jwt) {
        return TestHttp.client(webex, jwt).post().uri("/v1/jwt/login").exchange();
    }

    @Test
    void exchangesJwtSignedWithDecodedSecretForAGuestTokenThatPeopleMeKnowsAsAppuser(WebexEmulator webex) {
        EmulatorSeed.GuestIssuer issuer = webex.seed().guestIssuer();
        String jwt = GuestJwts.sign(
                issuer.decodedSecret(), GuestJwts.claims("inv-7f3a", "Anna Müller", issuer.id(), inMinutes(5)));

        Map<String, Object> answer = login(webex, jwt)
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(answer).containsOnlyKeys("token", "expiresIn");
        assertThat(((Number) answer.get("expiresIn")).longValue()).isPositive();

        TestHttp.client(webex, (String) answer.get("token"))
                .get()
                .uri("/v1/people/me")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("appuser")
                .jsonPath("$.displayName")
                .isEqualTo("Anna Müller");
    }

    @Test
    void rejectsJwtSignedWithTheSecretTextInsteadOfItsDecodedBytes(WebexEmulator webex) {
        EmulatorSeed.GuestIssuer issuer = webex.seed().guestIssuer();
        String jwt = GuestJwts.sign(
                issuer.secret().getBytes(StandardCharsets.UTF_8),
                GuestJwts.claims("inv-1", "Anna", issuer.id(), inMinutes(5)));
        login(webex, jwt)
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.trackingId")
                .exists();
    }

    @Test
    void rejectsExpiredUnknownIssuerBadSubjectAndMissingName(WebexEmulator webex) {
        EmulatorSeed.GuestIssuer issuer = webex.seed().guestIssuer();
        byte[] key = issuer.decodedSecret();
        login(webex, GuestJwts.sign(key, GuestJwts.claims("inv-1", "Anna", issuer.id(), inMinutes(-1))))
                .expectStatus()
                .isUnauthorized();
        login(webex, GuestJwts.sign(key, GuestJwts.claims("inv-1", "Anna", "someone-else", inMinutes(5))))
                .expectStatus()
                .isUnauthorized();
        login(webex, GuestJwts.sign(key, GuestJwts.claims("anna@example.com", "Anna", issuer.id(), inMinutes(5))))
                .expectStatus()
                .isBadRequest();
        login(webex, GuestJwts.sign(key, GuestJwts.claims("inv-1", "", issuer.id(), inMinutes(5))))
                .expectStatus()
                .isBadRequest();
        login(webex, GuestJwts.sign(key, "{\"sub\":\"inv-1\",\"name\":\"Anna\",\"iss\":\"" + issuer.id() + "\"}"))
                .expectStatus()
                .isUnauthorized();
        TestHttp.client(webex)
                .post()
                .uri("/v1/jwt/login")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void serviceAppGuestsAreRenamedWhenTheirSubjectComesBack(WebexEmulator webex) {
        WebTestClient app = TestHttp.client(webex, webex.seed().serviceApp().accessToken());
        Map<String, Object> first = app.post()
                .uri("/v1/guests/token")
                .bodyValue(Map.of("subject", "inv-9", "displayName", "Anna Muller"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        Map<String, Object> second = app.post()
                .uri("/v1/guests/token")
                .bodyValue(Map.of("subject", "inv-9", "displayName", "Anna Müller"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();

        assertThat(second.get("id")).isEqualTo(first.get("id"));
        assertThat(second.get("accessToken")).isNotEqualTo(first.get("accessToken"));
        TestHttp.client(webex, (String) first.get("accessToken"))
                .get()
                .uri("/v1/people/me")
                .exchange()
                .expectBody()
                .jsonPath("$.displayName")
                .isEqualTo("Anna Müller")
                .jsonPath("$.type")
                .isEqualTo("appuser");
        TestHttp.client(webex, webex.seed().organizer().accessToken())
                .post()
                .uri("/v1/guests/token")
                .bodyValue(Map.of("subject", "inv-9", "displayName", "X"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
