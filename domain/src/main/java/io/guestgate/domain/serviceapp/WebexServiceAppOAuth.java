package io.guestgate.domain.serviceapp;

import io.guestgate.webex.WebexApiException;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.oauth.OAuthTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link ServiceAppOAuth} on the Webex client: {@code POST /access_token} with {@code grant_type=refresh_token} and
 * the Service App's client id and secret, as Webex documents for Service Apps.
 */
@Component
class WebexServiceAppOAuth implements ServiceAppOAuth {

    private final WebexClient webex;
    private final Clock clock;

    WebexServiceAppOAuth(WebexClient webex, Clock clock) {
        this.webex = webex;
        this.clock = clock;
    }

    @Override
    public Mono<ServiceAppPair> refresh(ServiceAppCredentials credentials, ServiceAppPair current) {
        return Mono.defer(() -> webex.oauth().refresh(credentials.client(), current.refreshToken()))
                .map(tokens -> pair(tokens, current))
                // 400 is OAuth's invalid_grant: revoked, expired or already used. A 401 (invalid_client) is a wrong
                // client id or secret, which a new authorization would not fix, so it stays an error.
                .onErrorMap(
                        e -> e instanceof WebexApiException webexError && webexError.status() == 400,
                        e -> new RefreshRejectedException(
                                "Webex rejected the Service App's refresh token: " + e.getMessage()));
    }

    /** Webex may leave out a new refresh token; the current one then stays in use. */
    private ServiceAppPair pair(OAuthTokens tokens, ServiceAppPair current) {
        // Redis keeps milliseconds: a token handed out now and the same one read back later compare equal.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String refreshToken = tokens.refreshToken();
        Instant refreshExpiresAt;
        if (refreshToken == null || refreshToken.isBlank()) {
            refreshToken = current.refreshToken();
            refreshExpiresAt = current.refreshExpiresAt();
        } else {
            refreshExpiresAt = tokens.refreshTokenExpiresIn() == null ? null : now.plus(tokens.refreshTokenExpiresIn());
        }
        return new ServiceAppPair(
                tokens.accessToken().value(), now, now.plus(tokens.expiresIn()), refreshToken, refreshExpiresAt);
    }
}
