package io.guestgate.landing.join;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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
            String seconds = Long.toString(limited.retryAfterSeconds());
            return pages.view(exchange, "message", HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, seconds)
                    .modelAttribute("heading", t.get("link.limited.heading"))
                    .modelAttribute("text", t.get("link.limited.text"))
                    .modelAttribute("refresh", refresh(seconds, exchange))
                    .modelAttribute("retry", t.get("link.limited.retry", limited.retryAfterSeconds()))
                    .build();
        }
        if (state instanceof LinkState.Open) {
            throw new IllegalArgumentException("an open link has no closed page");
        }
        return pages.message(exchange, HttpStatus.GONE, "link.gone");
    }

    /**
     * The page asks again by itself once {@code Retry-After} has passed: a meta refresh, since the CSP allows no
     * inline script. A page is loaded again as it was; a refused form cannot be (a refresh is a GET), so it leads back
     * to the link page. The token in that path passed the form check before the limit was counted.
     */
    private static String refresh(String seconds, ServerWebExchange exchange) {
        if (exchange.getRequest().getMethod() == HttpMethod.GET) {
            return seconds;
        }
        String[] path = exchange.getRequest().getPath().value().split("/");
        return path.length > 2 && path[1].equals("join") ? seconds + ";url=/join/" + path[2] : seconds + ";url=/";
    }
}
