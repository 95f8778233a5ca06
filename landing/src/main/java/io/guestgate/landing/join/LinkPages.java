package io.guestgate.landing.join;

import io.guestgate.domain.meeting.Meeting;
import io.guestgate.landing.web.MeetingTime;
import io.guestgate.landing.web.NextStep;
import io.guestgate.landing.web.Pages;
import io.guestgate.landing.web.Texts;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

/** The pages for links that cannot be used right now. */
@Component("landingLinkPages")
public class LinkPages {

    /**
     * The longest an early page waits before it asks again without script: it then computes the wait anew, so a
     * changed meeting time is picked up, and the delay stays far from what any browser's timer can hold.
     */
    static final Duration LONGEST_REFRESH = Duration.ofHours(1);

    private final Pages pages;
    private final Clock clock;

    LinkPages(Pages pages, Clock clock) {
        this.pages = pages;
        this.clock = clock;
    }

    /** The page for any state but {@link LinkState.Open}. */
    public Rendering closed(LinkState state, ServerWebExchange exchange) {
        if (state instanceof LinkState.Unknown) {
            return pages.message(exchange, HttpStatus.NOT_FOUND, "link.unknown");
        }
        if (state instanceof LinkState.TooEarly early) {
            return early(early, exchange);
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
        LinkState.Gone gone = (LinkState.Gone) state;
        return gone.meeting()
                .map(meeting -> pages.message(exchange, HttpStatus.GONE, NextStep.askOrganizer(meeting), "link.gone"))
                .orElseGet(() -> pages.message(exchange, HttpStatus.GONE, "link.gone"));
    }

    /**
     * When the meeting starts, and a countdown to the link's opening, after which the link page opens by itself: the
     * page's script goes there at that moment; without script a meta refresh does, at most {@link #LONGEST_REFRESH}
     * ahead. Both count from the server's clock, not the guest's, which may be off.
     */
    private Rendering early(LinkState.TooEarly early, ServerWebExchange exchange) {
        Texts.Bundle t = pages.texts(exchange);
        Meeting meeting = early.meeting();
        long opensIn =
                Math.max(1, (Duration.between(clock.instant(), early.opensAt()).toMillis() + 999) / 1000);
        String link = linkPath(exchange);
        return pages.view(exchange, "early", HttpStatus.OK)
                .modelAttribute("heading", t.get("link.early.heading"))
                .modelAttribute(
                        "text",
                        t.get("link.early.text", meeting.title(), t.moment(early.opensAt(), meeting.timezone())))
                .modelAttribute("when", MeetingTime.of(t, meeting))
                .modelAttribute("opensIn", opensIn)
                .modelAttribute("link", link)
                .modelAttribute("refresh", Math.min(opensIn, LONGEST_REFRESH.toSeconds()) + ";url=" + link)
                .build();
    }

    /**
     * The page asks again by itself once {@code Retry-After} has passed: a meta refresh, since the CSP allows no
     * inline script. A page is loaded again as it was; a refused form cannot be (a refresh is a GET), so it leads back
     * to the link page.
     */
    private static String refresh(String seconds, ServerWebExchange exchange) {
        if (exchange.getRequest().getMethod() == HttpMethod.GET) {
            return seconds;
        }
        return seconds + ";url=" + linkPath(exchange);
    }

    /**
     * The link page of the request's path, {@code /join/<token>}, or {@code /} off a link. The token in that path
     * passed the form check before anything else was done.
     */
    private static String linkPath(ServerWebExchange exchange) {
        String[] path = exchange.getRequest().getPath().value().split("/");
        return path.length > 2 && path[1].equals("join") ? "/join/" + path[2] : "/";
    }
}
