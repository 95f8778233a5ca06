package io.guestgate.bot.link;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import io.guestgate.domain.account.AccountLinking;
import io.guestgate.domain.account.LinkResult;
import io.guestgate.platform.webex.OrganizerNotifier;
import reactor.core.publisher.Mono;

/**
 * The browser side of linking an organizer's Webex account. A thin edge: {@link AccountLinking} decides, this
 * class turns outcomes into a redirect or a page. Query values are never logged: they carry the state and the code.
 */
@Component
class LinkHandler {

    private static final Logger log = LoggerFactory.getLogger(LinkHandler.class);

    private final AccountLinking linking;
    private final LinkPages pages;
    private final OrganizerNotifier notifier;

    LinkHandler(AccountLinking linking, LinkPages pages, OrganizerNotifier notifier) {
        this.linking = linking;
        this.pages = pages;
        this.notifier = notifier;
    }

    /** {@code GET /oauth/webex/start?state=…}: on to Webex, leaving the state valid so a reload still works. */
    Mono<ServerResponse> start(ServerRequest request) {
        String state = request.queryParam("state").orElse(null);
        return linking.authorizeRedirect(state)
                .flatMap(authorize -> ServerResponse.status(302).location(authorize).headers(LinkPages::secure).build())
                .switchIfEmpty(Mono.defer(() -> pages.render(request, LinkPage.STATE_INVALID)))
                .onErrorResume(e -> failed(request, "start", e));
    }

    /** {@code GET /oauth/webex/callback?code&state}, or {@code ?error=…&state} when the organizer declined. */
    Mono<ServerResponse> callback(ServerRequest request) {
        String state = request.queryParam("state").orElse(null);
        String error = request.queryParam("error").orElse(null);
        if (error != null) {
            // The attempt is over either way; using up the state keeps it from being completed later.
            LinkPage page = "access_denied".equals(error) ? LinkPage.DENIED : LinkPage.WEBEX_FAILED;
            return linking.abandon(state)
                    .then(Mono.defer(() -> pages.render(request, page)))
                    .onErrorResume(e -> failed(request, "callback", e));
        }
        return linking.complete(state, request.queryParam("code").orElse(null))
                .flatMap(result -> render(request, result))
                .onErrorResume(e -> failed(request, "callback", e));
    }

    private Mono<ServerResponse> render(ServerRequest request, LinkResult result) {
        if (result instanceof LinkResult.Linked linked) {
            Mono<Void> lobbyNotice = linked.lobbyWatched() ? Mono.empty()
                    : notifier.tellQuietly(linked.account().personId(),
                            pages.chatText(LinkPages.locale(request), "chat.lobby-not-watched"));
            return lobbyNotice.then(pages.render(request, LinkPage.LINKED, linked.account().displayName(),
                    linked.account().email()));
        }
        if (result instanceof LinkResult.WrongAccount) {
            return pages.render(request, LinkPage.WRONG_ACCOUNT);
        }
        if (result instanceof LinkResult.NotAllowed) {
            return pages.render(request, LinkPage.NOT_ALLOWED);
        }
        if (result instanceof LinkResult.WebexFailed) {
            return pages.render(request, LinkPage.WEBEX_FAILED);
        }
        return pages.render(request, LinkPage.STATE_INVALID);
    }

    private Mono<ServerResponse> failed(ServerRequest request, String step, Throwable e) {
        // Redis or an unexpected bug: the page says nothing about it, the log names it (never the query).
        log.error("Account link {} failed: {}", step, e.toString());
        return pages.render(request, LinkPage.ERROR);
    }
}
