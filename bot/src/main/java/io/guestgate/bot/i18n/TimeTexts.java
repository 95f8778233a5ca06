package io.guestgate.bot.i18n;

import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingTimes;
import io.guestgate.domain.meeting.MeetingsProperties;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * Dates and times as organizers read them, in their language: a meeting in its own zone, anything else in the zone
 * given (the organizer's, see {@link OrganizerZones}). {@link #zone()} is the configured fallback.
 */
@Component
public class TimeTexts {

    private final ZoneId zone;

    public TimeTexts(MeetingsProperties meetings) {
        this.zone = meetings.timezone();
    }

    public ZoneId zone() {
        return zone;
    }

    /** A meeting's time in its own zone, written as everywhere else ({@link MeetingTimes}). */
    public String range(Language language, Meeting meeting) {
        return MeetingTimes.span(language.locale(), meeting.start(), meeting.end(), meeting.timezone());
    }

    /** A moment, e.g. for "linked since", written like a meeting's time. */
    public String moment(Language language, Instant instant, ZoneId zone) {
        return MeetingTimes.moment(language.locale(), instant, zone);
    }
}
