package io.guestgate.bot.connect;

import io.guestgate.platform.text.MessageBundles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * Renders the link pages in German or English, chosen by {@code Accept-Language}. Every text is HTML-escaped, and
 * every response carries headers that keep it out of caches and keep the URL (with its state) out of referrers.
 */
@Component("accountLinkPages")
class ConnectPages {

    private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);
    // The pages have no scripts, images or forms; the only inline thing is the stylesheet.
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    private final ResourceBundleMessageSource messages = MessageBundles.of("connect/messages");
    private final String template;

    ConnectPages() {
        template = read("/connect/page.html");
    }

    Mono<ServerResponse> render(ServerRequest request, ConnectPage page, Object... args) {
        Locale locale = locale(request);
        String html = template.replace("{{lang}}", locale.getLanguage())
                .replace("{{title}}", text(page, "title", locale))
                .replace("{{message}}", text(page, "message", locale, args))
                .replace("{{hint}}", text(page, "hint", locale));
        return ServerResponse.status(page.status())
                .headers(ConnectPages::secure)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .bodyValue(html);
    }

    /** The headers every response of the link endpoints carries, redirects included. */
    static void secure(HttpHeaders headers) {
        headers.setCacheControl(CacheControl.noStore());
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", CSP);
    }

    static Locale locale(ServerRequest request) {
        try {
            Locale best = Locale.lookup(request.headers().acceptLanguage(), SUPPORTED);
            return best == null ? Locale.ENGLISH : best;
        } catch (IllegalArgumentException malformedHeader) {
            return Locale.ENGLISH;
        }
    }

    /** A text the bot sends in chat about the link (Markdown, not HTML), in the page's language. */
    String chatText(Locale locale, String key) {
        return messages.getMessage(key, null, locale);
    }

    /** The finished text, escaped as a whole: that covers the arguments (names from Webex) and the bundle alike. */
    private String text(ConnectPage page, String part, Locale locale, Object... args) {
        String text = messages.getMessage(page.key() + "." + part, args.length == 0 ? null : args, locale);
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String read(String path) {
        try (InputStream in = ConnectPages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
