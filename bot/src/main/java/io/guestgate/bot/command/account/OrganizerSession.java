package io.guestgate.bot.command.account;

import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.account.LoginLinks;
import io.guestgate.domain.account.OrganizerTokens;
import io.guestgate.domain.account.TokenResult;
import io.guestgate.webex.WebexApiException;
import io.guestgate.webex.oauth.AccessToken;
import java.net.URI;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs organizer work with the organizer's own Webex token. An organizer who is not linked (or whose link Webex
 * revoked) gets the login link instead of an error; the link always travels 1:1, because it is a credential.
 */
@Component
public class OrganizerSession {

    private final OrganizerTokens tokens;
    private final LoginLinks links;
    private final BotMessages messages;
    private final ConnectionGoneNotice linkGone;

    OrganizerSession(OrganizerTokens tokens, LoginLinks links, BotMessages messages, ConnectionGoneNotice linkGone) {
        this.tokens = tokens;
        this.links = links;
        this.messages = messages;
        this.linkGone = linkGone;
    }

    /**
     * {@code work} with a valid token of the sender. If Webex answers 401 anyway, the token is refreshed once and the
     * work tried once more (a 401 means Webex did nothing).
     */
    public Flux<Reply> withToken(
            Conversation conversation, Language language, Function<AccessToken, Flux<Reply>> work) {
        String personId = conversation.personId();
        return tokens.validAccessToken(personId).flatMapMany(result -> {
            if (!(result instanceof TokenResult.Token token)) {
                return loginNeeded(conversation, language, (TokenResult.RelinkNeeded) result);
            }
            return work.apply(AccessToken.of(token.accessToken()))
                    .onErrorResume(
                            WebexApiException.class,
                            error -> !error.isUnauthorized()
                                    ? Flux.error(error)
                                    : tokens.renewRejected(personId, token.accessToken())
                                            .flatMapMany(renewed -> renewed instanceof TokenResult.Token fresh
                                                    ? work.apply(AccessToken.of(fresh.accessToken()))
                                                    : loginNeeded(conversation, language, (TokenResult.RelinkNeeded)
                                                            renewed)));
        });
    }

    /** The answer to {@code login}: the link, 1:1. */
    public Flux<Reply> loginLink(Conversation conversation, Language language) {
        return links.create(conversation.personId()).flatMapMany(link -> {
            Reply linkReply = Reply.text(messages.text(language, "login.link", markdownLink(language, link)));
            return conversation.group()
                    ? Flux.just(Reply.text(messages.text(language, "login.sent")), linkReply.privately())
                    : Flux.just(linkReply);
        });
    }

    private Flux<Reply> loginNeeded(Conversation conversation, Language language, TokenResult.RelinkNeeded relink) {
        String key = relink.reason() == TokenResult.Reason.NOT_LINKED ? "account.not-linked" : "account.relink";
        // This answer carries the login link: the organizer needs no separate notice about the same link.
        Mono<Void> told = relink.reason() == TokenResult.Reason.NOT_LINKED
                ? Mono.empty()
                : linkGone.toldInChat(conversation.personId());
        return told.then(links.create(conversation.personId())).flatMapMany(link -> {
            Reply direct = Reply.text(messages.text(language, key + ".direct", markdownLink(language, link)));
            return conversation.group()
                    ? Flux.just(Reply.text(messages.text(language, key)), direct.privately())
                    : Flux.just(direct);
        });
    }

    private String markdownLink(Language language, URI link) {
        return "[" + messages.text(language, "login.link.label") + "](" + link + ")";
    }
}
