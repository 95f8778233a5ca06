package io.guestgate.domain.account;

import io.guestgate.domain.account.ConnectResult.Linked;
import io.guestgate.domain.account.ConnectResult.NotAllowed;
import io.guestgate.domain.account.ConnectResult.StateInvalid;
import io.guestgate.domain.account.ConnectResult.WebexFailed;
import io.guestgate.domain.account.ConnectResult.WrongAccount;
import io.guestgate.platform.webex.WebhookRegistrar;
import io.guestgate.webex.oauth.AccessToken;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The two halves of the OAuth link that the bot's {@code /oauth/webex/start} and {@code /oauth/webex/callback}
 * endpoints serve. The web layer only maps the outcomes to pages.
 */
@Service
public class AccountConnection {

    private static final Logger log = LoggerFactory.getLogger(AccountConnection.class);

    private final ConnectStates states;
    private final OrganizerOAuth oauth;
    private final AccountStore store;
    private final WebhookRegistrar webhooks;
    private final AllowedOrganizers allowed;
    private final Clock clock;

    AccountConnection(
            ConnectStates states,
            OrganizerOAuth oauth,
            AccountStore store,
            WebhookRegistrar webhooks,
            AllowedOrganizers allowed,
            Clock clock) {
        this.states = states;
        this.oauth = oauth;
        this.store = store;
        this.webhooks = webhooks;
        this.allowed = allowed;
        this.clock = clock;
    }

    /**
     * Where to send the browser for a login link's {@code state}: Webex's authorize URL with PKCE. The state stays
     * valid (a reload works); empty if it is unknown, expired or used.
     */
    public Mono<URI> authorizeRedirect(String state) {
        return states.peek(state).map(pending -> oauth.authorizeUri(state, pending.codeVerifier()));
    }

    /** Completes the login: uses up the state, trades the code, and stores the account only if it is the right person. */
    public Mono<ConnectResult> complete(String state, String code) {
        if (code == null || code.isBlank()) {
            return Mono.just(new StateInvalid());
        }
        return states.consume(state).flatMap(pending -> linkAs(pending, code)).defaultIfEmpty(new StateInvalid());
    }

    /** Webex came back without a code (the organizer declined, or Webex failed): the login attempt is over. */
    public Mono<Void> abandon(String state) {
        return states.consume(state).then();
    }

    private Mono<ConnectResult> linkAs(ConnectState pending, String code) {
        return oauth.exchangeCode(code, pending.codeVerifier())
                .flatMap(tokens -> oauth.me(tokens.accessToken()).flatMap(person -> {
                    if (!person.id().equals(pending.personId())) {
                        log.warn(
                                "Refused account link: chat person {} signed in to Webex as person {}",
                                pending.personId(),
                                person.id());
                        return Mono.just((ConnectResult) new WrongAccount());
                    }
                    if (!allowed.admits(person.email(), person.orgId())) {
                        log.warn(
                                "Refused account link: person {} of org {} is outside the allowed organizations "
                                        + "and email domains",
                                person.id(),
                                person.orgId());
                        return Mono.just((ConnectResult) new NotAllowed());
                    }
                    OrganizerAccount account = new OrganizerAccount(
                            person.id(),
                            person.email(),
                            person.displayName(),
                            clock.instant(),
                            AccountStatus.LINKED,
                            person.timezone());
                    return store.link(account, tokens)
                            .then(watchLobby(person.id(), tokens.accessToken()))
                            .map(lobby -> (ConnectResult) new Linked(account, lobby));
                }))
                .onErrorResume(e -> !(e instanceof DataAccessException), e -> {
                    // The exception text is Webex's or the HTTP client's; neither carries the code or a token.
                    log.warn("Account link for chat person {} failed at Webex: {}", pending.personId(), e.toString());
                    return Mono.just(new WebexFailed());
                });
    }

    /**
     * Registers (or repairs) the organizer's lobby webhooks. The account is linked either way: polling still watches
     * the lobby, but late; false tells the organizer to link again, e.g. when the token lacks the participant scopes.
     */
    private Mono<Boolean> watchLobby(String personId, String accessToken) {
        return webhooks.registerLobby(AccessToken.of(accessToken))
                .thenReturn(true)
                .onErrorResume(e -> !(e instanceof DataAccessException), e -> {
                    log.warn("Could not register the lobby webhooks of organizer {}: {}", personId, e.toString());
                    return Mono.just(false);
                });
    }
}
