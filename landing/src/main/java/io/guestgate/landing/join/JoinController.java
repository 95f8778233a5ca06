package io.guestgate.landing.join;

import io.guestgate.landing.IdentityProperties;
import io.guestgate.landing.verify.ClaimMapping;
import io.guestgate.landing.verify.GuestSession;
import io.guestgate.landing.web.Csrf;
import io.guestgate.landing.web.MeetingTime;
import io.guestgate.landing.web.Pages;
import io.guestgate.landing.web.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The personal link: what the meeting is, and the button that starts the identity check. */
@Controller
class JoinController {

    private final LinkGuard guard;
    private final LinkPages linkPages;
    private final Pages pages;
    private final GuestSession guestSession;
    private final ClaimMapping claims;
    private final IdentityProperties identity;

    JoinController(
            LinkGuard guard,
            LinkPages linkPages,
            Pages pages,
            GuestSession guestSession,
            ClaimMapping claims,
            IdentityProperties identity) {
        this.guard = guard;
        this.linkPages = linkPages;
        this.pages = pages;
        this.guestSession = guestSession;
        this.claims = claims;
        this.identity = identity;
    }

    @GetMapping("/join/{token}")
    Mono<Rendering> show(@PathVariable String token, ServerWebExchange exchange) {
        return guard.check(token, exchange, true).flatMap(state -> {
            if (!(state instanceof LinkState.Open open)) {
                return Mono.just(linkPages.closed(state, exchange));
            }
            Texts.Bundle t = pages.texts(exchange);
            return Csrf.token(exchange)
                    .map(csrf -> pages.view(exchange, "join", HttpStatus.OK)
                            .modelAttribute("title", open.meeting().title())
                            .modelAttribute("when", MeetingTime.of(t, open.meeting()))
                            .modelAttribute(
                                    "organizer", open.meeting().organizer().displayName())
                            .modelAttribute(
                                    "invitee", open.invitation().invitee().name())
                            .modelAttribute("provider", claims.providerName())
                            .modelAttribute("verifyAction", "/join/" + token + "/verify")
                            .modelAttribute("csrf", csrf)
                            .build());
        });
    }

    /** Remembers the invitation in the (Redis-backed) session, then hands over to Spring Security's OIDC login. */
    @PostMapping("/join/{token}/verify")
    Mono<Rendering> verify(@PathVariable String token, ServerWebExchange exchange) {
        return guard.check(token, exchange, true).flatMap(state -> {
            if (!(state instanceof LinkState.Open open)) {
                return Mono.just(linkPages.closed(state, exchange));
            }
            return exchange.getSession()
                    .doOnNext(session -> guestSession.startLogin(session, open.invitation(), token))
                    .thenReturn(Rendering.redirectTo("/oauth2/authorization/" + identity.registrationId())
                            .status(HttpStatus.SEE_OTHER)
                            .build());
        });
    }
}
