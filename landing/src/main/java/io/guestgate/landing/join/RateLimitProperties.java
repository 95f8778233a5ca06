package io.guestgate.landing.join;

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
        if (perIp < 1 || perInvitation < 1) {
            throw new IllegalArgumentException(
                    "guestgate.landing.rate-limit.per-ip and .per-invitation must be at least 1");
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("guestgate.landing.rate-limit.window must be at least 1s");
        }
    }
}
