package io.guestgate.bot.connectioncheck;

import io.guestgate.platform.settings.Violations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The regular check of the organizers' links to Webex ({@code guestgate.account.check.*}).
 *
 * @param interval how often the linked accounts are checked, across all instances together; {@code 0} turns the
 *                 check off (organizers then learn of a revoked link when a meeting of theirs needs it)
 */
@ConfigurationProperties("guestgate.account.check")
public record ConnectionCheckProperties(@DefaultValue("6h") Duration interval) {

    public ConnectionCheckProperties {
        new Violations()
                .notNegative(interval, "guestgate.account.check.interval", "must be 0 (off) or positive, " + "e.g. 6h")
                .throwIfAny();
    }
}
