package io.guestgate.landing.verify;

import io.guestgate.landing.web.NextStep;
import io.guestgate.landing.web.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Where a login ends when it cannot lead to an invitation. */
@Controller
class LoginPagesController {

    static final String FAILED = "/login/failed";
    static final String UNFINISHED = "/login/unfinished";

    private final Pages pages;
    private final GuestSession guestSession;

    LoginPagesController(Pages pages, GuestSession guestSession) {
        this.pages = pages;
        this.guestSession = guestSession;
    }

    @GetMapping(FAILED)
    Mono<Rendering> failed(ServerWebExchange exchange) {
        return page(exchange, HttpStatus.UNAUTHORIZED, "login.failed");
    }

    @GetMapping(UNFINISHED)
    Mono<Rendering> unfinished(ServerWebExchange exchange) {
        return page(exchange, HttpStatus.BAD_REQUEST, "login.unfinished");
    }

    /** A fresh attempt from the link this session verified on last helps; without one, the text says where to go. */
    private Mono<Rendering> page(ServerWebExchange exchange, HttpStatus status, String key) {
        return exchange.getSession()
                .map(session -> guestSession
                        .lastLinkToken(session)
                        .map(token -> pages.message(exchange, status, NextStep.startAgain(token), key))
                        .orElseGet(() -> pages.message(exchange, status, key)));
    }
}
