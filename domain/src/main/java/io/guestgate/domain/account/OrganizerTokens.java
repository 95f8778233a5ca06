package io.guestgate.domain.account;

import io.guestgate.domain.account.AccountStore.StoredAccount;
import io.guestgate.domain.account.OrganizerOAuth.RefreshRejectedException;
import io.guestgate.domain.account.TokenResult.Reason;
import io.guestgate.domain.account.TokenResult.RelinkNeeded;
import io.guestgate.domain.account.TokenResult.Token;
import io.guestgate.platform.crypto.SealingException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Hands out organizers' Webex access tokens, refreshing them at the point of use.
 * <p>
 * A token that expires within {@code guestgate.account.refresh-skew} is refreshed under a Redis lock, so that
 * concurrent callers on any number of instances cause exactly one refresh: the lock holder refreshes and saves,
 * the others poll the account until the new token is there (or the lock is free again). The rotated refresh token
 * is saved before the new access token is handed out, so a crash can never leave Redis holding a refresh token
 * Webex already retired.
 */
@Service
public class OrganizerTokens {

    private static final Logger log = LoggerFactory.getLogger(OrganizerTokens.class);

    private final AccountStore store;
    private final RefreshLock lock;
    private final OrganizerOAuth oauth;
    private final AccountProperties properties;
    private final Clock clock;

    OrganizerTokens(
            AccountStore store, RefreshLock lock, OrganizerOAuth oauth, AccountProperties properties, Clock clock) {
        this.store = store;
        this.lock = lock;
        this.oauth = oauth;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * An access token for {@code personId} valid for at least the refresh skew, or {@link RelinkNeeded}.
     * Errors only when Redis or Webex cannot be reached; then nothing was changed.
     */
    public Mono<TokenResult> validAccessToken(String personId) {
        return tokenUnless(personId, null);
    }

    /**
     * For a Webex call that answered 401 with {@code rejectedAccessToken}: a different, freshly refreshed token
     * (refreshing only if no other caller did so already), or {@link RelinkNeeded}.
     */
    public Mono<TokenResult> renewRejected(String personId, String rejectedAccessToken) {
        return tokenUnless(personId, rejectedAccessToken);
    }

    private Mono<TokenResult> tokenUnless(String personId, String rejected) {
        PersonIds.require(personId);
        // An empty attempt means another caller holds the refresh lock: look again shortly, for at most about
        // two lock lifetimes (after one, a crashed holder's lock has expired and this caller refreshes itself).
        return Mono.defer(() -> attempt(personId, rejected))
                .repeatWhenEmpty(ticks -> ticks.delayElements(properties.refreshPoll()))
                .timeout(
                        properties.refreshLockTtl().multipliedBy(2),
                        Mono.error(() -> new IllegalStateException(
                                "gave up waiting for another instance to refresh an organizer token")));
    }

    private Mono<TokenResult> attempt(String personId, String rejected) {
        return fromStore(
                personId,
                rejected,
                stale -> Mono.usingWhen(
                        lock.tryAcquire(personId),
                        owner -> refreshHoldingLock(personId, rejected),
                        owner -> lock.release(personId, owner)));
    }

    /** Runs with the lock held. The account is read again: another instance may have refreshed just before. */
    private Mono<TokenResult> refreshHoldingLock(String personId, String rejected) {
        return fromStore(personId, rejected, stale -> refresh(personId, stale));
    }

    private Mono<TokenResult> refresh(String personId, Stale stale) {
        String sealedRefresh = stale.stored().sealedRefresh();
        if (!clock.instant().isBefore(stale.tokens().refreshExpiresAt())) {
            return store.unlinkIfRefreshIs(personId, sealedRefresh)
                    .thenReturn(new RelinkNeeded(Reason.REFRESH_EXPIRED));
        }
        // Cut the call off well inside the lock's lifetime, so no second refresh can start while it runs.
        return oauth.refresh(stale.tokens())
                .timeout(properties.refreshLockTtl().dividedBy(2))
                .flatMap(issued -> store.replaceTokens(personId, sealedRefresh, issued)
                        // Not replaced: a logout or a new link won the race. Start over from what is stored now.
                        .flatMap(replaced -> replaced
                                ? refreshTimezone(personId, issued).thenReturn((TokenResult) token(issued))
                                : Mono.<TokenResult>empty()))
                .onErrorResume(RefreshRejectedException.class, rejectedByWebex -> {
                    log.info("Webex rejected the refresh token of organizer {}; the account is now unlinked", personId);
                    return store.unlinkIfRefreshIs(personId, sealedRefresh)
                            .thenReturn(new RelinkNeeded(Reason.REFRESH_REJECTED));
                });
    }

    /**
     * Keeps the organizer's time zone as fresh as their tokens: they may have changed it in Webex since they linked.
     * Best effort: the refreshed token stands whatever happens here.
     */
    private Mono<Void> refreshTimezone(String personId, IssuedTokens issued) {
        return oauth.me(issued.accessToken())
                .filter(person -> person.id().equals(personId))
                .flatMap(person -> store.updateTimezone(personId, person.timezone()))
                .timeout(properties.refreshLockTtl().dividedBy(4))
                .onErrorResume(e -> {
                    log.info(
                            "Could not read the time zone of organizer {} after a refresh: {}",
                            personId,
                            e.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    /**
     * Answers from what is stored (a usable token, or why there is none) and calls {@code whenStale} only when the
     * access token needs a refresh. Empty means: ask again shortly.
     */
    private Mono<TokenResult> fromStore(
            String personId, String rejected, Function<Stale, Mono<TokenResult>> whenStale) {
        return store.find(personId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    if (found.isEmpty()
                            || !found.get().account().isLinked()
                            || !found.get().hasTokens()) {
                        return Mono.just(new RelinkNeeded(Reason.NOT_LINKED));
                    }
                    StoredAccount stored = found.get();
                    IssuedTokens tokens;
                    try {
                        tokens = store.open(stored);
                    } catch (SealingException e) {
                        log.warn(
                                "Stored tokens of organizer {} cannot be opened ({}); the account is now unlinked",
                                personId,
                                e.getMessage());
                        return store.unlinkIfRefreshIs(personId, stored.sealedRefresh())
                                .thenReturn(new RelinkNeeded(Reason.UNREADABLE));
                    }
                    return isUsable(tokens, rejected)
                            ? Mono.just(token(tokens))
                            : whenStale.apply(new Stale(stored, tokens));
                });
    }

    private boolean isUsable(IssuedTokens tokens, String rejected) {
        if (rejected != null && rejected.equals(tokens.accessToken())) {
            return false;
        }
        Instant refreshAt = tokens.accessExpiresAt().minus(properties.refreshSkew());
        return clock.instant().isBefore(refreshAt);
    }

    private static Token token(IssuedTokens tokens) {
        return new Token(tokens.accessToken(), tokens.accessExpiresAt());
    }

    /** An account whose access token needs a refresh: as stored (for the compare-and-set) and opened. */
    private record Stale(StoredAccount stored, IssuedTokens tokens) {}
}
