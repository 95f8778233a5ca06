package io.guestgate.landing.verify;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * GuestGate keeps none of the identity provider's tokens. The login only needs the verified identity; by default
 * Spring Security would keep the provider's access token (as the "authorized client") and the OIDC user with its raw
 * ID token (for back-channel logout, which the landing does not offer) in memory, for every guest, for good.
 */
@Component
class NoProviderTokens implements ServerOAuth2AuthorizedClientRepository, ReactiveOidcSessionRegistry {

    @Override
    public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(
            String clientRegistrationId, Authentication principal, ServerWebExchange exchange) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> saveAuthorizedClient(
            OAuth2AuthorizedClient authorizedClient, Authentication principal, ServerWebExchange exchange) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> removeAuthorizedClient(
            String clientRegistrationId, Authentication principal, ServerWebExchange exchange) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> saveSessionInformation(OidcSessionInformation info) {
        return Mono.empty();
    }

    @Override
    public Mono<OidcSessionInformation> removeSessionInformation(String clientSessionId) {
        return Mono.empty();
    }

    @Override
    public Flux<OidcSessionInformation> removeSessionInformation(OidcLogoutToken logoutToken) {
        return Flux.empty();
    }
}
