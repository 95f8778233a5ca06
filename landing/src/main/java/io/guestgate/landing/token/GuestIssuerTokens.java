package io.guestgate.landing.token;

import io.guestgate.webex.WebexClient;
import io.guestgate.webex.oauth.AccessToken;
import java.time.Clock;
import reactor.core.publisher.Mono;

/** Guest Issuer: a short-lived JWT signed here, exchanged at {@code POST /v1/jwt/login}. */
final class GuestIssuerTokens implements GuestTokens {

    private final GuestIssuerJwt jwt;
    private final WebexClient webex;
    private final Clock clock;

    GuestIssuerTokens(GuestIssuerJwt jwt, WebexClient webex, Clock clock) {
        this.jwt = jwt;
        this.webex = webex;
        this.clock = clock;
    }

    @Override
    public Mono<GuestAccess> mint(String subject, String displayName) {
        return Mono.fromCallable(() -> AccessToken.of(jwt.mint(subject, displayName)))
                .flatMap(signed -> webex.guests().jwtLogin(signed))
                .map(token ->
                        new GuestAccess(token.accessToken(), clock.instant().plus(token.expiresIn())));
    }
}
