package io.guestgate.bot.invite.content;

import io.guestgate.domain.meeting.Meeting;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The part of a meeting a guest may see. Mail and calendar are rendered from this alone, so the Webex link, meeting
 * number and SIP address cannot reach a guest by mistake: they are simply not here.
 *
 * @param id       GuestGate's meeting id, the stable part of the calendar UID
 * @param sequence the calendar SEQUENCE
 */
public record GuestMeeting(
        String id,
        int sequence,
        String title,
        Instant start,
        Instant end,
        ZoneId timezone,
        String organizerName,
        String organizerEmail) {

    public GuestMeeting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(organizerName, "organizerName");
        Objects.requireNonNull(organizerEmail, "organizerEmail");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A meeting must end after it starts");
        }
    }

    public static GuestMeeting of(Meeting meeting) {
        return new GuestMeeting(
                meeting.id(),
                meeting.sequence(),
                meeting.title(),
                meeting.start(),
                meeting.end(),
                meeting.timezone(),
                meeting.organizer().displayName(),
                meeting.organizer().email());
    }
}
