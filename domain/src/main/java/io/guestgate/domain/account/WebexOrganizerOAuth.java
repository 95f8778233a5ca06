package io.guestgate.domain.account;

import io.guestgate.platform.GuestgateProperties;
import io.guestgate.platform.webex.WebexProperties;
import io.guestgate.webex.WebexApiException;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.oauth.AccessToken;
import io.guestgate.webex.oauth.ClientCredentials;
import io.guestgate.webex.oauth.OAuthTokens;
import io.guestgate.webex.oauth.Pkce;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link OrganizerOAuth} on the Webex client and {@code guestgate.webex.integration.*}. The integration settings
 * are checked when linking is used, not at startup, so that parts of GuestGate that never link can run without
 * them; the message then names the missing property.
 */
@Component
class WebexOrganizerOAuth implements OrganizerOAuth {

    private final WebexClient webex;
    private final WebexProperties.Integration integration;
    private final GuestgateProperties guestgate;
    private final Clock clock;

    WebexOrganizerOAuth(
            WebexClient webex, WebexProperties webexProperties, GuestgateProperties guestgate, Clock clock) {
        this.webex = webex;
        this.integration = webexProperties.integration();
        this.guestgate = guestgate;
        this.clock = clock;
    }

    @Override
    public URI authorizeUri(String state, String codeVerifier) {
        return webex.oauth()
                .authorizeUrl()
                .clientId(required(integration.clientId(), "guestgate.webex.integration.client-id"))
                .redirectUri(redirectUri())
                .scopes(integration.scopes())
                .state(state)
                .pkce(Pkce.fromVerifier(codeVerifier))
                .build();
    }

    @Override
    public Mono<IssuedTokens> exchangeCode(String code, String codeVerifier) {
        return Mono.defer(() -> webex.oauth().exchangeCode(credentials(), code, redirectUri(), codeVerifier))
                .map(tokens -> issued(tokens, null));
    }

    @Override
    public Mono<IssuedTokens> refresh(IssuedTokens current) {
        return Mono.defer(() -> webex.oauth().refresh(credentials(), current.refreshToken()))
                .map(tokens -> issued(tokens, current))
                // 400 is OAuth's invalid_grant: revoked, expired or already rotated. A 401 (invalid_client) is
                // a wrong client secret, which a new login would not fix, so it stays an error.
                .onErrorMap(
                        e -> e instanceof WebexApiException webexError && webexError.status() == 400,
                        e -> new RefreshRejectedException("Webex rejected the refresh token: " + e.getMessage()));
    }

    @Override
    public Mono<WebexPerson> me(String accessToken) {
        return webex.people()
                .me(AccessToken.of(accessToken))
                .map(person -> new WebexPerson(
                        person.id(), person.primaryEmail(), person.displayName(), person.orgId(), person.timezone()));
    }

    /** Webex may leave out a new refresh token on refresh; the current one then stays in use. */
    private IssuedTokens issued(OAuthTokens tokens, IssuedTokens current) {
        Instant now = clock.instant();
        String refreshToken = tokens.refreshToken();
        Instant refreshExpiresAt;
        if (refreshToken == null || refreshToken.isBlank()) {
            if (current == null) {
                throw new IllegalStateException("Webex issued no refresh token for a new link");
            }
            refreshToken = current.refreshToken();
            refreshExpiresAt = current.refreshExpiresAt();
        } else {
            refreshExpiresAt = tokens.refreshTokenExpiresIn() == null
                    // Webex documents 90 days; without a stated lifetime, assume that and let Webex be the judge.
                    ? now.plus(Duration.ofDays(90))
                    : now.plus(tokens.refreshTokenExpiresIn());
        }
        return new IssuedTokens(
                tokens.accessToken().value(), now.plus(tokens.expiresIn()), refreshToken, refreshExpiresAt);
    }

    private ClientCredentials credentials() {
        return new ClientCredentials(
                required(integration.clientId(), "guestgate.webex.integration.client-id"),
                required(integration.clientSecret(), "guestgate.webex.integration.client-secret"));
    }

    /** The registered callback; by default the one this installation serves. */
    private String redirectUri() {
        return integration.redirectUri() != null
                ? integration.redirectUri().toString()
                : guestgate.baseUrl() + "/oauth/webex/callback";
    }

    private static String required(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set " + property + " to link organizer accounts");
        }
        return value;
    }
}
