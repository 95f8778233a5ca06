package io.guestgate.guestlist.meeting;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timezone  the organizers' time zone: commands are read and meetings shown in it
 * @param retention how long a meeting and its invitations are kept after the meeting ended (status, audit context)
 */
@ConfigurationProperties("guestgate.meetings")
public record MeetingsProperties(
        @DefaultValue("Europe/Vienna") ZoneId timezone,
        @DefaultValue("30d") Duration retention) {

    public MeetingsProperties {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("guestgate.meetings.retention must not be negative");
        }
    }
}
