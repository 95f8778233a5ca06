package io.guestgate.guestlist.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How organizer accounts are linked and their tokens kept fresh.
 *
 * @param linkStateTtl   how long a login link works
 * @param refreshSkew    refresh an access token when it expires within this time, so a token handed out is still
 *                       valid for the call it is used for
 * @param refreshLockTtl how long one instance may hold the refresh lock for an organizer; a crashed holder blocks
 *                       the others at most this long. The refresh call itself is cut off at half of it
 * @param refreshPoll    how often an instance that waits for another one's refresh looks again
 */
@ConfigurationProperties("guestgate.account")
record AccountProperties(@DefaultValue("10m") Duration linkStateTtl, @DefaultValue("5m") Duration refreshSkew,
        @DefaultValue("20s") Duration refreshLockTtl, @DefaultValue("100ms") Duration refreshPoll) {

    AccountProperties {
        requirePositive("guestgate.account.link-state-ttl", linkStateTtl);
        requirePositive("guestgate.account.refresh-lock-ttl", refreshLockTtl);
        requirePositive("guestgate.account.refresh-poll", refreshPoll);
        if (refreshSkew == null || refreshSkew.isNegative()) {
            throw new IllegalArgumentException("guestgate.account.refresh-skew must be zero or positive");
        }
        if (refreshPoll.compareTo(refreshLockTtl) >= 0) {
            throw new IllegalArgumentException(
                    "guestgate.account.refresh-poll must be shorter than guestgate.account.refresh-lock-ttl");
        }
    }

    private static void requirePositive(String property, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(property + " must be positive");
        }
    }
}
