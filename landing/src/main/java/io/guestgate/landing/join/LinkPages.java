package io.guestgate.landing.join;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import io.guestgate.landing.web.Pages;
import io.guestgate.landing.web.Texts;

/** The pages for links that cannot be used right now. */
@Component("landingLinkPages")
public class LinkPages {

    private final Pages pages;

    LinkPages(Pages pages) {
        this.pages = pages;
    }

    /** The page for any state but {@link LinkState.Open}. */
    public Rendering closed(LinkState state, ServerWebExchange exchange) {
        if (state instanceof LinkState.Unknown) {
            return pages.message(exchange, HttpStatus.NOT_FOUND, "link.unknown");
        }
        if (state instanceof LinkState.TooEarly early) {
            Texts.Bundle t = pages.texts(exchange);
            return pages.message(exchange, HttpStatus.OK, "link.early", early.meeting().title(),
                    t.moment(early.opensAt(), early.meeting().timezone()));
        }
        if (state instanceof LinkState.Limited limited) {
            Texts.Bundle t = pages.texts(exchange);
            return pages.view(exchange, "message", HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()))
                    .modelAttribute("heading", t.get("link.limited.heading"))
                    .modelAttribute("text", t.get("link.limited.text"))
                    .build();
        }
        if (state instanceof LinkState.Open) {
            throw new IllegalArgumentException("an open link has no closed page");
        }
        return pages.message(exchange, HttpStatus.GONE, "link.gone");
    }
}
