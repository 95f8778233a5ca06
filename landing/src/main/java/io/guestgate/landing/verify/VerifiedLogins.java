package io.guestgate.landing.verify;

import io.guestgate.domain.invitation.VerifiedIdentity;
import io.guestgate.landing.IdentityProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Where the landing's Spring Security context lives: not in the session as an object (it would be Java-serialised,
 * with the raw ID token and every claim in it), but as the verified identity recorded on the pending login
 * ({@link GuestSession}). The context is rebuilt from that on each request, so it holds only the verified name,
 * email, {@code iss}, {@code sub} and {@code acr}, and it exists only between the provider's answer and the
 * admission step of the invitation the login was started for.
 */
@Component
class VerifiedLogins implements ServerSecurityContextRepository {

    /**
     * The rebuilt principal's token value. The raw ID token is not kept anywhere; nothing in the landing reads the
     * value, and it must never pass for one.
     */
    static final String NOT_KEPT = "not-kept";

    private final GuestSession guestSession;
    private final ClaimMapping claims;
    private final IdentityProperties properties;

    VerifiedLogins(GuestSession guestSession, ClaimMapping claims, IdentityProperties properties) {
        this.guestSession = guestSession;
        this.claims = claims;
        this.properties = properties;
    }

    /** The session id changes here, at login, as Spring Security's own repository does it (no session fixation). */
    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return exchange.getSession()
                .doOnNext(session -> {
                    if (context != null && context.getAuthentication() instanceof OAuth2AuthenticationToken login) {
                        guestSession.completeLogin(
                                session, login.getAuthorizedClientRegistrationId(), identityOf(login));
                    } else {
                        guestSession.forgetLogin(session);
                    }
                })
                .flatMap(WebSession::changeSessionId);
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        return exchange.getSession()
                .flatMap(session -> Mono.justOrEmpty(guestSession.verifiedLogin(session)))
                .map(login -> new SecurityContextImpl(authentication(login.registrationId(), login.identity())));
    }

    private Optional<VerifiedIdentity> identityOf(OAuth2AuthenticationToken login) {
        if (login.getPrincipal() instanceof OidcUser user && user.getIdToken().getIssuer() != null) {
            return claims.toIdentity(user.getIdToken().getIssuer().toString(), user.getSubject(), user.getClaims());
        }
        return Optional.empty();
    }

    /** An OIDC login as Spring Security represents it, with the verified identity's claims under their names only. */
    private OAuth2AuthenticationToken authentication(String registrationId, VerifiedIdentity identity) {
        IdentityProperties.Claims names = properties.claims();
        Map<String, Object> verified = new LinkedHashMap<>();
        verified.put(IdTokenClaimNames.ISS, identity.issuer());
        verified.put(IdTokenClaimNames.SUB, identity.subject());
        verified.put(names.name(), identity.displayName());
        if (identity.email() != null) {
            verified.put(names.email(), identity.email());
        }
        verified.put(names.emailVerified(), identity.emailVerified());
        if (identity.acr() != null) {
            verified.put(names.acr(), identity.acr());
        }
        OidcIdToken idToken = new OidcIdToken(NOT_KEPT, null, null, verified);
        DefaultOidcUser user = new DefaultOidcUser(List.of(new OidcUserAuthority(idToken)), idToken);
        return new OAuth2AuthenticationToken(user, user.getAuthorities(), registrationId);
    }
}
