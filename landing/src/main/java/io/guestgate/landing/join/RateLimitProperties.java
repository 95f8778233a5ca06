package io.guestgate.landing.join;

import io.guestgate.platform.settings.Violations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request limits on personal links, counted in Redis so they hold across instances.
 *
 * @param perIp         requests one client address may make to links within a window
 * @param perInvitation requests one invitation may see within a window, from anywhere
 * @param window        the length of a counting window
 */
@ConfigurationProperties("guestgate.landing.rate-limit")
public record RateLimitProperties(
        @DefaultValue("60") int perIp,
        @DefaultValue("30") int perInvitation,
        @DefaultValue("1m") Duration window) {

    public RateLimitProperties {
        new Violations()
                .require(perIp >= 1, "guestgate.landing.rate-limit.per-ip", "must be at least 1")
                .require(perInvitation >= 1, "guestgate.landing.rate-limit.per-invitation", "must be at least 1")
                .require(
                        window != null && window.compareTo(Duration.ofSeconds(1)) >= 0,
                        "guestgate.landing.rate-limit.window",
                        "must be at least 1s")
                .throwIfAny();
    }
}
