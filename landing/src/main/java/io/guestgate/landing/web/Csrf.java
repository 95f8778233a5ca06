package io.guestgate.landing.web;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The CSRF token Spring Security's filter prepared for this exchange, as pages embed it. */
public final class Csrf {

    private Csrf() {}

    /** Subscribing makes the filter create and store the token in the session when there is none yet. */
    public static Mono<CsrfToken> token(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null
                ? Mono.error(new IllegalStateException("CSRF protection is not active on this path"))
                : token;
    }
}
