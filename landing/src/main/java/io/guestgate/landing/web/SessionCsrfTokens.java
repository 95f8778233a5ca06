package io.guestgate.landing.web;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * CSRF tokens bound to the web session, as Spring Security's session repository keeps them, but stored as the token
 * string alone instead of a Java-serialised object.
 */
final class SessionCsrfTokens implements ServerCsrfTokenRepository {

    static final String ATTRIBUTE = "guestgate.landing.csrf-token";
    private static final String PARAMETER = "_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String headerName;

    SessionCsrfTokens(String headerName) {
        this.headerName = headerName;
    }

    @Override
    public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Mono.just(token(Base64.getUrlEncoder().withoutPadding().encodeToString(random)));
    }

    /** A new token gets a new session id, as with Spring Security's own repository. */
    @Override
    public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
        return exchange.getSession()
                .doOnNext(session -> {
                    if (token == null) {
                        session.getAttributes().remove(ATTRIBUTE);
                    } else {
                        session.getAttributes().put(ATTRIBUTE, token.getToken());
                    }
                })
                .flatMap(WebSession::changeSessionId);
    }

    @Override
    public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
        return exchange.getSession()
                .mapNotNull(
                        session -> session.getAttributes().get(ATTRIBUTE) instanceof String value && !value.isEmpty()
                                ? token(value)
                                : null);
    }

    private CsrfToken token(String value) {
        return new DefaultCsrfToken(headerName, PARAMETER, value);
    }
}
