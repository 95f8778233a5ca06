package io.guestgate.domain.invitation;

import io.guestgate.platform.settings.Violations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param linkGrace how long after the meeting's end a personal link still opens it (late joiners, overruns)
 */
@ConfigurationProperties("guestgate.invitations")
public record InvitationsProperties(@DefaultValue("30m") Duration linkGrace) {

    public InvitationsProperties {
        new Violations()
                .notNegative(linkGrace, "guestgate.invitations.link-grace", "must not be negative")
                .throwIfAny();
    }
}
