package io.guestgate.domain.serviceapp;

import io.guestgate.platform.settings.Violations;
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
public record ServiceAppProperties(
        @DefaultValue("1d") Duration refreshBefore,
        @DefaultValue("1m") Duration checkInterval,
        @DefaultValue("20s") Duration refreshLockTtl,
        @DefaultValue("100ms") Duration refreshPoll) {

    public ServiceAppProperties {
        Violations violations = new Violations()
                .positive(refreshBefore, "guestgate.service-app.refresh-before", "must be positive")
                .positive(checkInterval, "guestgate.service-app.check-interval", "must be positive")
                .positive(refreshLockTtl, "guestgate.service-app.refresh-lock-ttl", "must be positive")
                .positive(refreshPoll, "guestgate.service-app.refresh-poll", "must be positive");
        if (refreshPoll != null && refreshLockTtl != null) {
            violations.require(
                    refreshPoll.compareTo(refreshLockTtl) < 0,
                    "guestgate.service-app.refresh-poll",
                    "must be shorter than guestgate.service-app.refresh-lock-ttl");
        }
        violations.throwIfAny();
    }
}
