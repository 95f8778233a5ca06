package io.guestgate.guestlist.serviceapp;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the Service App's token is kept valid ({@code guestgate.service-app.*}); the token pair and the app's client
 * credentials are {@code guestgate.webex.guest.service-app-*}.
 *
 * @param refreshBefore  refresh the access token when it has less than this left, or less than half its life,
 *                       whichever comes later; the rest of its life is the time to notice and fix a failing refresh
 * @param checkInterval  how often each instance looks at the token, so that it is refreshed ahead of its expiry even
 *                       while no guest comes
 * @param refreshLockTtl how long one instance may hold the refresh lock; a crashed holder blocks the others at most
 *                       this long. The refresh call itself is cut off at half of it
 * @param refreshPoll    how often an instance whose token Webex rejected looks again while another one refreshes
 */
@ConfigurationProperties("guestgate.service-app")
record ServiceAppProperties(@DefaultValue("1d") Duration refreshBefore, @DefaultValue("1m") Duration checkInterval,
        @DefaultValue("20s") Duration refreshLockTtl, @DefaultValue("100ms") Duration refreshPoll) {

    ServiceAppProperties {
        requirePositive("guestgate.service-app.refresh-before", refreshBefore);
        requirePositive("guestgate.service-app.check-interval", checkInterval);
        requirePositive("guestgate.service-app.refresh-lock-ttl", refreshLockTtl);
        requirePositive("guestgate.service-app.refresh-poll", refreshPoll);
        if (refreshPoll.compareTo(refreshLockTtl) >= 0) {
            throw new IllegalArgumentException(
                    "guestgate.service-app.refresh-poll must be shorter than guestgate.service-app.refresh-lock-ttl");
        }
    }

    private static void requirePositive(String property, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(property + " must be positive");
        }
    }
}
