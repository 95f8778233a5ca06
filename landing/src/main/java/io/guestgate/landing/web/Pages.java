package io.guestgate.landing.web;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

/** Renders the landing's pages in the guest's language. */
@Component("landingPages")
public class Pages {

    private final Texts texts;

    Pages(Texts texts) {
        this.texts = texts;
    }

    /**
     * The texts in the language the organizer chose for the link's guest ({@link #GUEST_LANGUAGE}, set when a link
     * was looked at), else the browser's.
     */
    public Texts.Bundle texts(ServerWebExchange exchange) {
        Object chosen = exchange.getAttribute(GUEST_LANGUAGE);
        return texts.bundle(
                chosen instanceof String code ? Locale.forLanguageTag(code) : texts.localeOf(exchange.getRequest()));
    }

    /** The exchange attribute with the language ({@code de}, {@code en}) the organizer chose for a link's guest. */
    public static final String GUEST_LANGUAGE = Pages.class.getName() + ".guestLanguage";

    /** A page of {@code landing/<view>} with the texts as {@code t}. */
    public Rendering.Builder<?> view(ServerWebExchange exchange, String view, HttpStatus status) {
        return Rendering.view("landing/" + view)
                .modelAttribute("t", texts(exchange))
                .status(status);
    }

    /**
     * A page that tells the guest one thing: {@code <key>.heading} and {@code <key>.text} (with {@code args}) from
     * the messages.
     */
    public Rendering message(ServerWebExchange exchange, HttpStatus status, String key, Object... args) {
        return messageView(exchange, status, key, args).build();
    }

    /** Like {@link #message(ServerWebExchange, HttpStatus, String, Object...)}, with the one step that can help. */
    public Rendering message(ServerWebExchange exchange, HttpStatus status, NextStep next, String key, Object... args) {
        return messageView(exchange, status, key, args)
                .modelAttribute("nextStep", next.text(texts(exchange)))
                .modelAttribute("nextHref", next.href())
                .build();
    }

    private Rendering.Builder<?> messageView(
            ServerWebExchange exchange, HttpStatus status, String key, Object... args) {
        Texts.Bundle t = texts(exchange);
        return view(exchange, "message", status)
                .modelAttribute("heading", t.get(key + ".heading"))
                .modelAttribute("text", t.get(key + ".text", args));
    }
}
