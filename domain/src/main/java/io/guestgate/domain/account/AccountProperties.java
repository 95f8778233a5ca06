package io.guestgate.domain.account;

import io.guestgate.platform.settings.Violations;
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
public record AccountProperties(
        @DefaultValue("10m") Duration linkStateTtl,
        @DefaultValue("5m") Duration refreshSkew,
        @DefaultValue("20s") Duration refreshLockTtl,
        @DefaultValue("100ms") Duration refreshPoll) {

    public AccountProperties {
        Violations violations = new Violations()
                .positive(linkStateTtl, "guestgate.account.link-state-ttl", "must be positive")
                .positive(refreshLockTtl, "guestgate.account.refresh-lock-ttl", "must be positive")
                .positive(refreshPoll, "guestgate.account.refresh-poll", "must be positive")
                .notNegative(refreshSkew, "guestgate.account.refresh-skew", "must be zero or positive");
        if (refreshPoll != null && refreshLockTtl != null) {
            violations.require(
                    refreshPoll.compareTo(refreshLockTtl) < 0,
                    "guestgate.account.refresh-poll",
                    "must be shorter than guestgate.account.refresh-lock-ttl");
        }
        violations.throwIfAny();
    }
}
