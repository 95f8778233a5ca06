package io.guestgate.landing.web;

import io.guestgate.domain.invitation.LinkTokens;
import java.net.URI;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.HttpStatusServerAccessDeniedHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A form on a personal link whose CSRF token no longer holds, mostly because the page stood open longer than the
 * session lasts: back to the link page (303), which comes with a fresh session and token, so pressing the button
 * again works. Anything else that fails the CSRF check (the meeting page's script, a forged request) gets a bare 403.
 */
final class ExpiredForms implements ServerAccessDeniedHandler {

    private static final Set<String> FORMS = Set.of("verify", "webex-link");

    private final ServerAccessDeniedHandler refuse = new HttpStatusServerAccessDeniedHandler(HttpStatus.FORBIDDEN);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        String[] path = exchange.getRequest().getPath().value().split("/");
        boolean linkForm = exchange.getRequest().getMethod() == HttpMethod.POST
                && path.length == 4
                && path[1].equals("join")
                && LinkTokens.isWellFormed(path[2])
                && FORMS.contains(path[3]);
        if (!linkForm) {
            return refuse.handle(exchange, denied);
        }
        return Mono.fromRunnable(() -> {
            exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
            exchange.getResponse().getHeaders().setLocation(URI.create("/join/" + path[2]));
        });
    }
}
