package io.guestgate.bot.connect;

import io.guestgate.domain.account.AccountConnection;
import io.guestgate.domain.account.ConnectResult;
import io.guestgate.platform.webex.OrganizerNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The browser side of linking an organizer's Webex account. A thin edge: {@link AccountConnection} decides, this
 * class turns outcomes into a redirect or a page. Query values are never logged: they carry the state and the code.
 */
@Component
class ConnectHandler {

    private static final Logger log = LoggerFactory.getLogger(ConnectHandler.class);

    private final AccountConnection linking;
    private final ConnectPages pages;
    private final OrganizerNotifier notifier;

    ConnectHandler(AccountConnection linking, ConnectPages pages, OrganizerNotifier notifier) {
        this.linking = linking;
        this.pages = pages;
        this.notifier = notifier;
    }

    /** {@code GET /oauth/webex/start?state=…}: on to Webex, leaving the state valid so a reload still works. */
    Mono<ServerResponse> start(ServerRequest request) {
        String state = request.queryParam("state").orElse(null);
        return linking.authorizeRedirect(state)
                .flatMap(authorize -> ServerResponse.status(302)
                        .location(authorize)
                        .headers(ConnectPages::secure)
                        .build())
                .switchIfEmpty(Mono.defer(() -> pages.render(request, ConnectPage.STATE_INVALID)))
                .onErrorResume(e -> failed(request, "start", e));
    }

    /** {@code GET /oauth/webex/callback?code&state}, or {@code ?error=…&state} when the organizer declined. */
    Mono<ServerResponse> callback(ServerRequest request) {
        String state = request.queryParam("state").orElse(null);
        String error = request.queryParam("error").orElse(null);
        if (error != null) {
            // The attempt is over either way; using up the state keeps it from being completed later.
            ConnectPage page = "access_denied".equals(error) ? ConnectPage.DENIED : ConnectPage.WEBEX_FAILED;
            return linking.abandon(state)
                    .then(Mono.defer(() -> pages.render(request, page)))
                    .onErrorResume(e -> failed(request, "callback", e));
        }
        return linking.complete(state, request.queryParam("code").orElse(null))
                .flatMap(result -> render(request, result))
                .onErrorResume(e -> failed(request, "callback", e));
    }

    private Mono<ServerResponse> render(ServerRequest request, ConnectResult result) {
        if (result instanceof ConnectResult.Linked linked) {
            Mono<Void> lobbyNotice = linked.lobbyWatched()
                    ? Mono.empty()
                    : notifier.tellQuietly(
                            linked.account().personId(),
                            pages.chatText(ConnectPages.locale(request), "chat.lobby-not-watched"));
            return lobbyNotice.then(pages.render(
                    request,
                    ConnectPage.LINKED,
                    linked.account().displayName(),
                    linked.account().email()));
        }
        if (result instanceof ConnectResult.WrongAccount) {
            return pages.render(request, ConnectPage.WRONG_ACCOUNT);
        }
        if (result instanceof ConnectResult.NotAllowed) {
            return pages.render(request, ConnectPage.NOT_ALLOWED);
        }
        if (result instanceof ConnectResult.WebexFailed) {
            return pages.render(request, ConnectPage.WEBEX_FAILED);
        }
        return pages.render(request, ConnectPage.STATE_INVALID);
    }

    private Mono<ServerResponse> failed(ServerRequest request, String step, Throwable e) {
        // Redis or an unexpected bug: the page says nothing about it, the log names it (never the query).
        log.error("Account link {} failed: {}", step, e.toString());
        return pages.render(request, ConnectPage.ERROR);
    }
}
