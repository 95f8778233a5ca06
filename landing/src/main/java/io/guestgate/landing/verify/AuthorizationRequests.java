package io.guestgate.landing.verify;

import io.guestgate.platform.redis.Json;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.client.web.server.ServerAuthorizationRequestRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The OIDC authorization request while the guest is at the identity provider (state, nonce, PKCE verifier), kept in
 * the web session as a JSON string of plain values instead of a Java-serialised object. Same rules as Spring
 * Security's session repository: one request per session, found only by its {@code state}.
 */
@Component
class AuthorizationRequests implements ServerAuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    private static final String ATTRIBUTE = "guestgate.landing.authorization-request";

    @Override
    public Mono<OAuth2AuthorizationRequest> loadAuthorizationRequest(ServerWebExchange exchange) {
        return stored(exchange).map(Stored::toRequest);
    }

    @Override
    public Mono<Void> saveAuthorizationRequest(OAuth2AuthorizationRequest request, ServerWebExchange exchange) {
        if (!AuthorizationGrantType.AUTHORIZATION_CODE.equals(request.getGrantType())
                || request.getState() == null
                || request.getState().isEmpty()) {
            return Mono.error(new IllegalArgumentException("Only authorization code requests with a state are kept"));
        }
        return exchange.getSession()
                .doOnNext(session -> session.getAttributes().put(ATTRIBUTE, Json.write(Stored.of(request))))
                .then();
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> removeAuthorizationRequest(ServerWebExchange exchange) {
        return exchange.getSession()
                .flatMap(session ->
                        Mono.justOrEmpty(stored(session, state(exchange)).map(stored -> {
                            session.getAttributes().remove(ATTRIBUTE);
                            return stored.toRequest();
                        })));
    }

    private Mono<Stored> stored(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(session -> Mono.justOrEmpty(stored(session, state(exchange))));
    }

    private static Optional<Stored> stored(WebSession session, String state) {
        if (state == null || !(session.getAttributes().get(ATTRIBUTE) instanceof String json)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.read(json, Stored.class)).filter(stored -> state.equals(stored.state()));
        } catch (RuntimeException e) {
            // Written by another version, or tampered with in Redis: there is no request to finish.
            return Optional.empty();
        }
    }

    private static String state(ServerWebExchange exchange) {
        return exchange.getRequest().getQueryParams().getFirst(OAuth2ParameterNames.STATE);
    }

    /** The request's values; parameters and attributes are strings for the code flow with OIDC and PKCE. */
    record Stored(
            String authorizationUri,
            String clientId,
            String redirectUri,
            Set<String> scopes,
            String state,
            Map<String, Object> additionalParameters,
            Map<String, Object> attributes,
            String authorizationRequestUri) {

        static Stored of(OAuth2AuthorizationRequest request) {
            return new Stored(
                    request.getAuthorizationUri(),
                    request.getClientId(),
                    request.getRedirectUri(),
                    request.getScopes(),
                    request.getState(),
                    request.getAdditionalParameters(),
                    request.getAttributes(),
                    request.getAuthorizationRequestUri());
        }

        OAuth2AuthorizationRequest toRequest() {
            return OAuth2AuthorizationRequest.authorizationCode()
                    .authorizationUri(authorizationUri)
                    .clientId(clientId)
                    .redirectUri(redirectUri)
                    .scopes(scopes)
                    .state(state)
                    .additionalParameters(additionalParameters)
                    .attributes(attributes)
                    .authorizationRequestUri(authorizationRequestUri)
                    .build();
        }
    }
}
