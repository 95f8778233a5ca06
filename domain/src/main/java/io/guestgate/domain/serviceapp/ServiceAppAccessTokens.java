package io.guestgate.domain.serviceapp;

import io.guestgate.domain.serviceapp.ServiceAppOAuth.RefreshRejectedException;
import io.guestgate.domain.serviceapp.ServiceAppPairs.Current;
import io.guestgate.platform.metrics.GuestgateMetrics;
import io.guestgate.platform.redis.RedisLock;
import io.guestgate.platform.webex.WebexProperties;
import io.guestgate.webex.oauth.AccessToken;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Hands out the Service App's access token, and keeps it valid when the refresh settings are there.
 * <p>
 * The configured pair is taken into Redis once (sealed, like organizers' tokens) and refreshed right away by
 * {@link ServiceAppTokenKeeper}, which tells its expiry and proves the client credentials; from then on the keeper
 * refreshes it ahead of its expiry, and a caller whose token Webex rejects gets a fresh one. Every refresh runs under
 * one Redis lock, so that any number of instances cause exactly one; the rotated refresh token is saved before the
 * new access token is handed out. A caller never waits for a refresh while the token it would get still works.
 * <p>
 * Without the refresh settings the configured access token is handed out as given, as before.
 */
@Service
public class ServiceAppAccessTokens {

    private static final Logger log = LoggerFactory.getLogger(ServiceAppAccessTokens.class);

    private final boolean refreshed;
    private final ServiceAppCredentials credentials;
    private final ServiceAppPairs pairs;
    private final ServiceAppTokenStore store;
    private final RedisLock lock;
    private final ServiceAppOAuth oauth;
    private final ServiceAppProperties properties;
    private final GuestgateMetrics metrics;
    private final Clock clock;

    ServiceAppAccessTokens(
            WebexProperties webex,
            ServiceAppPairs pairs,
            ServiceAppTokenStore store,
            RedisLock lock,
            ServiceAppOAuth oauth,
            ServiceAppProperties properties,
            GuestgateMetrics metrics,
            Clock clock) {
        this.credentials = pairs.credentials();
        this.refreshed = webex.guest().mode() == WebexProperties.GuestMode.SERVICE_APP && credentials.refreshable();
        this.pairs = pairs;
        this.store = store;
        this.lock = lock;
        this.oauth = oauth;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** True when GuestGate keeps the token valid: guest mode service-app with the refresh settings. */
    public boolean refreshed() {
        return refreshed;
    }

    /**
     * A token to call Webex with as the Service App. Errors with {@link ServiceAppTokenException} when there is none
     * that works and no refresh can bring one; with another error when Redis or Webex cannot be reached.
     */
    public Mono<ServiceAppToken> current() {
        if (!refreshed) {
            return credentials.accessToken() == null
                    ? Mono.error(new ServiceAppTokenException("Set guestgate.webex.guest.service-app-token"))
                    : Mono.just(new ServiceAppToken(AccessToken.of(credentials.accessToken()), null));
        }
        return tokenUnless(null, false);
    }

    /**
     * For a call Webex answered 401 with {@code rejected}: a different, freshly refreshed token (refreshing only if
     * no other caller did so already). Empty when the token is used as configured: nothing can renew it.
     */
    public Mono<ServiceAppToken> renewRejected(ServiceAppToken rejected) {
        return refreshed ? tokenUnless(rejected.accessToken().value(), false) : Mono.empty();
    }

    /** Refreshes the token if it is due ({@code guestgate.service-app.refresh-before}); what the keeper runs. */
    Mono<ServiceAppToken> refreshIfDue() {
        return refreshed ? tokenUnless(null, true) : Mono.empty();
    }

    /** What is known of the token now, without refreshing it. */
    public Mono<ServiceAppStatus> status() {
        if (!refreshed) {
            return Mono.just(new ServiceAppStatus(
                    false,
                    null,
                    null,
                    credentials.accessToken() != null,
                    "not refreshed by GuestGate: set guestgate.webex.guest.service-app-refresh-token, "
                            + "-client-id and -client-secret, or the configured token stops working when it expires"));
        }
        return pairs.read()
                .map(current -> {
                    ServiceAppPair pair = current.pair();
                    boolean usable = current.usable(clock.instant(), null);
                    String problem = null;
                    if (!usable) {
                        problem = "the access token expired at " + pair.accessExpiresAt() + " and was not refreshed";
                    } else if (current.stored().refreshRejectedAt() != null) {
                        problem = "Webex rejected the refresh token at "
                                + current.stored().refreshRejectedAt()
                                + "; the access token works until " + pair.accessExpiresAt()
                                + ". Authorize the Service App "
                                + "again and set the new pair (guestgate.webex.guest.service-app-token, -refresh-token)";
                    }
                    return new ServiceAppStatus(true, pair.accessExpiresAt(), pair.refreshExpiresAt(), usable, problem);
                })
                .onErrorResume(
                        ServiceAppTokenException.class,
                        e -> Mono.just(new ServiceAppStatus(true, null, null, false, e.getMessage())));
    }

    private Mono<ServiceAppToken> tokenUnless(String rejected, boolean ahead) {
        // Empty means another instance holds the lock while this caller has no working token: look again shortly,
        // for at most about two lock lifetimes (after one, a crashed holder's lock has expired).
        return Mono.defer(() -> attempt(rejected, ahead))
                .repeatWhenEmpty(ticks -> ticks.delayElements(properties.refreshPoll()))
                .timeout(
                        properties.refreshLockTtl().multipliedBy(2),
                        Mono.error(() -> new ServiceAppTokenException(
                                "gave up waiting for another instance to refresh the Service App token")));
    }

    private Mono<ServiceAppToken> attempt(String rejected, boolean ahead) {
        return pairs.read()
                .flatMap(current -> answerOr(
                        current,
                        rejected,
                        ahead,
                        () -> Mono.usingWhen(
                                        lock.tryAcquire(store.lockKey(), properties.refreshLockTtl()),
                                        owner -> refreshHoldingLock(rejected, ahead),
                                        owner -> lock.release(store.lockKey(), owner))
                                // Another instance refreshes (or just did): meanwhile a token that still works serves.
                                .switchIfEmpty(Mono.defer(() -> current.usable(clock.instant(), rejected)
                                        ? Mono.just(current.token())
                                        : Mono.empty()))));
    }

    /** Runs with the lock held. The pair is read again: another instance may have refreshed just before. */
    private Mono<ServiceAppToken> refreshHoldingLock(String rejected, boolean ahead) {
        return pairs.read().flatMap(current -> answerOr(current, rejected, ahead, () -> refresh(current, rejected)));
    }

    /** The stored token if it serves, an error if it neither serves nor can be refreshed, otherwise {@code refresh}. */
    private Mono<ServiceAppToken> answerOr(
            Current current, String rejected, boolean ahead, Supplier<Mono<ServiceAppToken>> refresh) {
        Instant now = clock.instant();
        boolean usable = current.usable(now, rejected);
        if (usable && !(ahead && current.due(now))) {
            return Mono.just(current.token());
        }
        if (!current.refreshable(now)) {
            return usable ? Mono.just(current.token()) : Mono.error(current.unavailable(now));
        }
        return refresh.get();
    }

    private Mono<ServiceAppToken> refresh(Current current, String rejected) {
        String sealedRefresh = current.stored().sealedRefresh();
        // Cut the call off well inside the lock's lifetime, so no second refresh can start while it runs.
        return oauth.refresh(credentials, current.pair())
                .timeout(properties.refreshLockTtl().dividedBy(2))
                .flatMap(pair -> store.replace(sealedRefresh, credentials.clientId(), pair)
                        .flatMap(replaced -> {
                            if (!replaced) {
                                // A new configured pair won the race: start over from what is stored now.
                                return Mono.<ServiceAppToken>empty();
                            }
                            metrics.serviceAppTokenRefresh("ok");
                            pairs.saw(pair);
                            log.info("Refreshed the Service App token; it works until {}", pair.accessExpiresAt());
                            return Mono.just(pair.token());
                        }))
                .onErrorResume(RefreshRejectedException.class, e -> {
                    metrics.serviceAppTokenRefresh("rejected");
                    log.error(
                            "{}. Guests get tokens until the current one expires ({}); authorize the Service App "
                                    + "again and set its new token pair",
                            e.getMessage(),
                            current.pair().accessExpiresAt());
                    return store.markRejected(sealedRefresh, clock.instant()).then(Mono.defer(() -> {
                        Instant now = clock.instant();
                        return current.usable(now, rejected)
                                ? Mono.just(current.token())
                                : Mono.error(current.unavailable(now));
                    }));
                })
                .onErrorResume(e -> !(e instanceof ServiceAppTokenException), e -> {
                    metrics.serviceAppTokenRefresh("failed");
                    log.warn("Could not refresh the Service App token: {}", e.toString());
                    return current.usable(clock.instant(), rejected)
                            ? Mono.just(current.token())
                            : Mono.error(new ServiceAppTokenException(
                                    "The Service App token does not work and could not be refreshed: " + e, e));
                });
    }
}
