package io.guestgate.landing.token;

import io.guestgate.domain.serviceapp.ServiceAppAccessTokens;
import io.guestgate.domain.serviceapp.ServiceAppToken;
import io.guestgate.webex.WebexApiException;
import io.guestgate.webex.WebexClient;
import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * Service App guests: {@code POST /v1/guests/token} with {@code {subject, displayName}}, as the Service App, with
 * the token {@link ServiceAppAccessTokens} keeps valid. When Webex answers 401 (the token was revoked or expired
 * before its time), the guest is minted once more with a renewed token.
 */
final class ServiceAppTokens implements GuestTokens {

    private final ServiceAppAccessTokens serviceApp;
    private final WebexClient webex;
    private final Clock clock;

    ServiceAppTokens(ServiceAppAccessTokens serviceApp, WebexClient webex, Clock clock) {
        this.serviceApp = serviceApp;
        this.webex = webex;
        this.clock = clock;
    }

    @Override
    public Mono<GuestAccess> mint(String subject, String displayName) {
        return serviceApp
                .current()
                .flatMap(token -> mintAs(token, subject, displayName)
                        .onErrorResume(
                                ServiceAppTokens::unauthorized,
                                rejected -> serviceApp
                                        .renewRejected(token)
                                        .flatMap(renewed -> mintAs(renewed, subject, displayName))
                                        // A token used as configured cannot be renewed: Webex's answer stands.
                                        .switchIfEmpty(Mono.error(rejected))));
    }

    private Mono<GuestAccess> mintAs(ServiceAppToken token, String subject, String displayName) {
        return Mono.defer(() -> webex.guests().serviceAppToken(token.accessToken(), subject, displayName))
                .map(guest ->
                        new GuestAccess(guest.accessToken(), clock.instant().plus(guest.expiresIn())));
    }

    private static boolean unauthorized(Throwable e) {
        return e instanceof WebexApiException webexError && webexError.status() == 401;
    }
}
