package io.guestgate.domain.account;

import io.guestgate.platform.webex.WebhookRegistrar;
import io.guestgate.webex.oauth.AccessToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading and unlinking organizer accounts; the bot's {@code status} and {@code logout} use this. */
@Service
public class OrganizerAccounts {

    private static final Logger log = LoggerFactory.getLogger(OrganizerAccounts.class);

    private final AccountStore store;
    private final OrganizerTokens tokens;
    private final WebhookRegistrar webhooks;

    OrganizerAccounts(AccountStore store, OrganizerTokens tokens, WebhookRegistrar webhooks) {
        this.store = store;
        this.tokens = tokens;
        this.webhooks = webhooks;
    }

    /**
     * The accounts that are linked now, for a periodic check of their links; an organizer whose account expired
     * altogether is dropped from the index on the way.
     */
    public Flux<OrganizerAccount> linked() {
        return store.personIds()
                .concatMap(personId -> store.find(personId)
                        .map(AccountStore.StoredAccount::account)
                        .switchIfEmpty(store.forget(personId).then(Mono.empty())))
                .filter(OrganizerAccount::isLinked);
    }

    /** The organizer's account, linked or unlinked; empty if they never linked. */
    public Mono<OrganizerAccount> find(String personId) {
        return store.find(personId).map(AccountStore.StoredAccount::account);
    }

    /**
     * Removes the organizer's lobby webhooks while their token still works (a failure there is logged: Webex stops
     * delivering to a token that is gone anyway), then deletes the tokens and marks the account unlinked. True if
     * there was an account.
     */
    public Mono<Boolean> unlink(String personId) {
        return tokens.validAccessToken(personId)
                .flatMap(result -> result instanceof TokenResult.Token token
                        ? webhooks.deleteLobby(AccessToken.of(token.accessToken()))
                                .then()
                        : Mono.<Void>empty())
                .onErrorResume(e -> {
                    log.warn(
                            "Could not remove the lobby webhooks of organizer {} at logout: {}",
                            personId,
                            e.toString());
                    return Mono.empty();
                })
                .then(store.unlink(personId));
    }
}
