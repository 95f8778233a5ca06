package io.guestgate.landing.token;

import java.time.Clock;

import io.guestgate.webex.AccessToken;
import io.guestgate.webex.WebexClient;
import reactor.core.publisher.Mono;

/** Service App guests: {@code POST /v1/guests/token} with {@code {subject, displayName}}, as the Service App. */
final class ServiceAppTokens implements GuestTokens {

    private final AccessToken serviceAppToken;
    private final WebexClient webex;
    private final Clock clock;

    ServiceAppTokens(AccessToken serviceAppToken, WebexClient webex, Clock clock) {
        this.serviceAppToken = serviceAppToken;
        this.webex = webex;
        this.clock = clock;
    }

    @Override
    public Mono<GuestAccess> mint(String subject, String displayName) {
        return Mono.defer(() -> webex.guests().serviceAppToken(serviceAppToken, subject, displayName))
                .map(token -> new GuestAccess(token.accessToken(), clock.instant().plus(token.expiresIn())));
    }
}
