package io.guestgate.domain.meeting;

import io.guestgate.platform.settings.Violations;
import io.guestgate.webex.meetings.UnlockedMeetingJoinSecurity;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How meetings are kept and created ({@code guestgate.meetings.*}).
 *
 * @param timezone  the organizers' time zone: commands are read and meetings shown in it
 * @param retention how long a meeting and its invitations are kept after the meeting ended (status, audit context)
 * @param flags     the locked-down settings every meeting GuestGate creates gets
 */
@ConfigurationProperties("guestgate.meetings")
public record MeetingsProperties(
        @DefaultValue("Europe/Vienna") ZoneId timezone,
        @DefaultValue("30d") Duration retention,
        @DefaultValue Flags flags) {

    @ConstructorBinding
    public MeetingsProperties {
        new Violations()
                .notNegative(retention, "guestgate.meetings.retention", "must not be negative")
                .throwIfAny();
    }

    /** With the design's locked-down flags. */
    public MeetingsProperties(ZoneId timezone, Duration retention) {
        this(timezone, retention, Flags.LOCKED_DOWN);
    }

    /**
     * The settings every meeting GuestGate creates gets ({@code guestgate.meetings.flags.*}). The defaults are the
     * design's: nobody but the host and admitted guests gets in, and Webex sends no mail of its own
     * ({@code send-email=false}), because its invitations would carry the meeting link.
     */
    public record Flags(
            @DefaultValue("false") boolean enabledAutoRecordMeeting,
            @DefaultValue("false") boolean allowAnyUserToBeCoHost,
            @DefaultValue("true") boolean enabledJoinBeforeHost,
            @DefaultValue("false") boolean enableConnectAudioBeforeHost,
            @DefaultValue("true") boolean excludePassword,
            @DefaultValue("false") boolean publicMeeting,
            @DefaultValue("false") boolean enabledWebcastView,
            @DefaultValue("false") boolean enableAutomaticLock,
            @DefaultValue("false") boolean allowFirstUserToBeCoHost,
            @DefaultValue("false") boolean allowAuthenticatedDevices,
            @DefaultValue("false") boolean sendEmail,
            @DefaultValue("allow-join-with-lobby") UnlockedMeetingJoinSecurity unlockedMeetingJoinSecurity) {

        /** The defaults above, for meetings made without the binder. */
        public static final Flags LOCKED_DOWN = new Flags(
                false,
                false,
                true,
                false,
                true,
                false,
                false,
                false,
                false,
                false,
                false,
                UnlockedMeetingJoinSecurity.ALLOW_JOIN_WITH_LOBBY);
    }
}
