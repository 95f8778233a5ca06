package io.guestgate.webex;

import io.guestgate.webex.guests.GuestToken;
import io.guestgate.webex.oauth.AccessToken;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

/**
 * Guest access tokens, two ways: the Guest Issuer exchange ({@code POST /jwt/login}) and Service App guests
 * ({@code POST /guests/token}). Both answer a {@link GuestToken}.
 */
public final class GuestsApi {

    private final WebexHttp http;

    GuestsApi(WebexHttp http) {
        this.http = http;
    }

    /**
     * {@code POST /jwt/login} with {@code Authorization: Bearer <guest JWT>} and no body: exchanges a
     * Guest Issuer JWT (HS256, claims sub/name/iss/exp) for a Webex access token.
     */
    public Mono<GuestToken> jwtLogin(AccessToken guestJwt) {
        Objects.requireNonNull(guestJwt, "guestJwt");
        return http.sendJson(HttpMethod.POST, guestJwt, http.uri("/jwt/login", Map.of()), null, JwtLoginResponse.class)
                .map(JwtLoginResponse::toGuestToken);
    }

    /**
     * {@code POST /guests/token} with the Service App's token: a guest identity {@code subject} (stable,
     * never an email) shown as {@code displayName}.
     */
    public Mono<GuestToken> serviceAppToken(AccessToken serviceAppToken, String subject, String displayName) {
        Objects.requireNonNull(serviceAppToken, "serviceAppToken");
        if (subject == null || subject.isBlank() || displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("subject and displayName must not be blank");
        }
        return http.sendJson(
                        HttpMethod.POST,
                        serviceAppToken,
                        http.uri("/guests/token", Map.of()),
                        new ServiceAppGuestRequest(subject, displayName),
                        ServiceAppGuestResponse.class)
                .map(ServiceAppGuestResponse::toGuestToken);
    }

    record ServiceAppGuestRequest(String subject, String displayName) {}

    record JwtLoginResponse(String token, Long expiresIn) {

        GuestToken toGuestToken() {
            if (token == null || expiresIn == null) {
                throw WebexApiException.ofInvalidResponse(
                        200, "POST", "/jwt/login", "answer without token or expiresIn", null, null);
            }
            return new GuestToken(new AccessToken(token), Duration.ofSeconds(expiresIn));
        }

        @Override
        public String toString() {
            return "JwtLoginResponse[redacted]";
        }
    }

    record ServiceAppGuestResponse(String accessToken, Long expiresIn) {

        GuestToken toGuestToken() {
            if (accessToken == null || expiresIn == null) {
                throw WebexApiException.ofInvalidResponse(
                        200, "POST", "/guests/token", "answer without accessToken or expiresIn", null, null);
            }
            return new GuestToken(new AccessToken(accessToken), Duration.ofSeconds(expiresIn));
        }

        @Override
        public String toString() {
            return "ServiceAppGuestResponse[redacted]";
        }
    }
}
