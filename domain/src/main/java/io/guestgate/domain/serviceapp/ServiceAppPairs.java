package io.guestgate.domain.serviceapp;

import io.guestgate.domain.serviceapp.ServiceAppTokenStore.Stored;
import io.guestgate.platform.metrics.GuestgateMetrics;
import io.guestgate.platform.webex.WebexProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The stored pair as this instance sees it: the configured pair is taken in first if it is new, and the tokens are
 * opened. Remembers the expiries it last saw for the remaining-life metric.
 */
@Component
class ServiceAppPairs {

    private static final Logger log = LoggerFactory.getLogger(ServiceAppPairs.class);

    private final ServiceAppCredentials credentials;
    private final ServiceAppTokenStore store;
    private final ServiceAppProperties properties;
    private final Clock clock;
    private final AtomicBoolean adoptionChecked = new AtomicBoolean();
    private volatile Lives lastSeen = new Lives(null, null);

    ServiceAppPairs(
            WebexProperties webex,
            ServiceAppTokenStore store,
            ServiceAppProperties properties,
            GuestgateMetrics metrics,
            Clock clock) {
        this.credentials = ServiceAppCredentials.from(webex.guest());
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        if (webex.guest().mode() == WebexProperties.GuestMode.SERVICE_APP && credentials.refreshable()) {
            metrics.serviceAppTokenLife(
                    () -> remaining(lastSeen.accessExpiresAt()), () -> remaining(lastSeen.refreshExpiresAt()));
        }
    }

    ServiceAppCredentials credentials() {
        return credentials;
    }

    /**
     * The stored pair, after taking the configured one in if it is new. A configured pair is taken in once ever, so
     * when nothing is stored and it was taken in before, it expired or was replaced: only a new one helps.
     */
    Mono<Current> read() {
        Mono<Boolean> checked = adoptionChecked.get() ? Mono.just(false) : adopt();
        return checked.then(store.find())
                // Nothing stored (Redis came back empty, say): the configured pair, if it was never taken in here.
                .switchIfEmpty(Mono.defer(() -> adopt().then(store.find())))
                .switchIfEmpty(Mono.error(() -> new ServiceAppTokenException("No Service App token is stored, and "
                        + "the configured pair was taken in before (it expired or was replaced). Authorize the "
                        + "Service App again and set guestgate.webex.guest.service-app-token and -refresh-token")))
                .flatMap(this::open);
    }

    /** Remembers a pair this instance just stored. */
    void saw(ServiceAppPair pair) {
        lastSeen = new Lives(pair.accessExpiresAt(), pair.refreshExpiresAt());
    }

    private Mono<Boolean> adopt() {
        return store.adopt(credentials).doOnNext(taken -> {
            adoptionChecked.set(true);
            if (taken) {
                log.info("Took in the configured Service App token pair (client id {})", credentials.clientId());
            }
        });
    }

    private Mono<Current> open(Stored stored) {
        ServiceAppPair pair;
        try {
            pair = store.open(stored);
        } catch (RuntimeException e) {
            return Mono.error(new ServiceAppTokenException("The stored Service App token cannot be opened ("
                    + e.getMessage() + "). Set a new token pair (guestgate.webex.guest.service-app-token, "
                    + "-refresh-token)"));
        }
        saw(pair);
        return Mono.just(new Current(stored, pair));
    }

    private Duration remaining(Instant expiresAt) {
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The stored pair: as stored (for the compare-and-set) and opened. */
    final class Current {

        private final Stored stored;
        private final ServiceAppPair pair;

        private Current(Stored stored, ServiceAppPair pair) {
            this.stored = stored;
            this.pair = pair;
        }

        Stored stored() {
            return stored;
        }

        ServiceAppPair pair() {
            return pair;
        }

        ServiceAppToken token() {
            return pair.token();
        }

        /** Not the token Webex just rejected, and not known to be expired. */
        boolean usable(Instant now, String rejected) {
            return !pair.accessToken().equals(rejected) && !pair.accessExpiredAt(now);
        }

        /** Time to refresh ahead of the expiry (at once when the expiry is not known). */
        boolean due(Instant now) {
            return !now.isBefore(pair.refreshAt(properties.refreshBefore()));
        }

        /** This instance can refresh it: its own app's pair, a refresh token Webex has not rejected and still alive. */
        boolean refreshable(Instant now) {
            return stored.refreshRejectedAt() == null
                    && credentials.clientId().equals(stored.clientId())
                    && !pair.refreshExpiredAt(now);
        }

        /** Why it cannot be refreshed, and what to do, for a token that does not work. */
        ServiceAppTokenException unavailable(Instant now) {
            String why;
            if (stored.refreshRejectedAt() != null) {
                why = "Webex rejected its refresh token";
            } else if (pair.refreshExpiredAt(now)) {
                why = "its refresh token expired at " + pair.refreshExpiresAt();
            } else {
                why = "it belongs to the Service App with client id " + stored.clientId()
                        + ", not to the configured one";
            }
            return new ServiceAppTokenException("The Service App token does not work and cannot be refreshed: " + why
                    + ". Authorize the Service App again and set its new token pair "
                    + "(guestgate.webex.guest.service-app-token, -refresh-token)");
        }
    }

    private record Lives(Instant accessExpiresAt, Instant refreshExpiresAt) {}
}
