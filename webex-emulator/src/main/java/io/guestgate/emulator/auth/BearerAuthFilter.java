package io.guestgate.emulator.auth;

import io.guestgate.emulator.support.ApiException;
import io.guestgate.emulator.support.FilterOrder;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every /v1 route needs a valid bearer token, except the OAuth endpoints (client credentials) and /jwt/login (which
 * takes a guest JWT instead of a token and checks it itself).
 */
@Component
@Order(FilterOrder.AUTH)
class BearerAuthFilter implements WebFilter {

    static final String ATTRIBUTE = Caller.class.getName();
    private static final Set<String> OPEN = Set.of("/v1/authorize", "/v1/access_token", "/v1/jwt/login");

    private final TokenRegistry tokens;

    BearerAuthFilter(TokenRegistry tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/v1/") || OPEN.contains(path)) {
            return chain.filter(exchange);
        }
        String token = bearerToken(exchange);
        if (token == null) {
            return Mono.error(ApiException.unauthorized());
        }
        return tokens.authenticate(token)
                .map(caller -> {
                    exchange.getAttributes().put(ATTRIBUTE, caller);
                    return chain.filter(exchange);
                })
                .orElseGet(() -> Mono.error(ApiException.unauthorized()));
    }

    static String bearerToken(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
