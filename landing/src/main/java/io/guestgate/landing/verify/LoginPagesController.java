package io.guestgate.landing.verify;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import io.guestgate.landing.web.Pages;

/** Where a login ends when it cannot lead to an invitation. */
@Controller
class LoginPagesController {

    static final String FAILED = "/login/failed";
    static final String UNFINISHED = "/login/unfinished";

    private final Pages pages;

    LoginPagesController(Pages pages) {
        this.pages = pages;
    }

    @GetMapping(FAILED)
    Rendering failed(ServerWebExchange exchange) {
        return pages.message(exchange, HttpStatus.UNAUTHORIZED, "login.failed");
    }

    @GetMapping(UNFINISHED)
    Rendering unfinished(ServerWebExchange exchange) {
        return pages.message(exchange, HttpStatus.BAD_REQUEST, "login.unfinished");
    }
}
