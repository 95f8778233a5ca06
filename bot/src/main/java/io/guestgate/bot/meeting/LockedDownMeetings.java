package io.guestgate.bot.meeting;

import io.guestgate.domain.meeting.MeetingsProperties;
import io.guestgate.webex.meetings.MeetingRequest;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * Builds the body of {@code POST /meetings} (and of {@code PUT}, which replaces a meeting, so a move must send the
 * full set again): exactly the locked-down flags, title, start, end and time zone. Nothing else is sent.
 */
@Component
public class LockedDownMeetings {

    private final MeetingsProperties.Flags flags;
    private final ZoneId zone;

    LockedDownMeetings(MeetingsProperties meetings) {
        this.flags = meetings.flags();
        this.zone = meetings.timezone();
    }

    /** A meeting in the configured zone. */
    public MeetingRequest request(String title, Instant start, Instant end) {
        return request(title, start, end, zone);
    }

    /** A meeting in {@code zone}: Webex shows its times there, e.g. to the organizer in the Webex app. */
    public MeetingRequest request(String title, Instant start, Instant end, ZoneId zone) {
        return MeetingRequest.builder(
                        title,
                        start.atZone(zone).toOffsetDateTime(),
                        end.atZone(zone).toOffsetDateTime())
                .timezone(zone.getId())
                .enabledAutoRecordMeeting(flags.enabledAutoRecordMeeting())
                .allowAnyUserToBeCoHost(flags.allowAnyUserToBeCoHost())
                .enabledJoinBeforeHost(flags.enabledJoinBeforeHost())
                .enableConnectAudioBeforeHost(flags.enableConnectAudioBeforeHost())
                .excludePassword(flags.excludePassword())
                .publicMeeting(flags.publicMeeting())
                .enabledWebcastView(flags.enabledWebcastView())
                .enableAutomaticLock(flags.enableAutomaticLock())
                .allowFirstUserToBeCoHost(flags.allowFirstUserToBeCoHost())
                .allowAuthenticatedDevices(flags.allowAuthenticatedDevices())
                .sendEmail(flags.sendEmail())
                .unlockedMeetingJoinSecurity(flags.unlockedMeetingJoinSecurity())
                .build();
    }
}
