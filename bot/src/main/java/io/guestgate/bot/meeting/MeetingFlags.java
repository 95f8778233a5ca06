package io.guestgate.bot.meeting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.guestgate.webex.meetings.UnlockedMeetingJoinSecurity;

/**
 * The locked-down settings every meeting GuestGate creates gets ({@code guestgate.meetings.flags.*}). The defaults
 * are the design's: nobody but the host and admitted guests gets in, and Webex sends no mail of its own
 * ({@code send-email=false}), because its invitations would carry the meeting link.
 */
@ConfigurationProperties("guestgate.meetings.flags")
public record MeetingFlags(
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
}
