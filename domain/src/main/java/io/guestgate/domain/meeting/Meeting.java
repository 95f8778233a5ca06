package io.guestgate.domain.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A meeting GuestGate created for an organizer. The Webex details stay server-side: they are never sent to guests.
 *
 * @param id        GuestGate's own id: letters and digits, also the stable part of the calendar UID
 * @param organizer who owns the meeting; only they may change it
 * @param sequence  the calendar SEQUENCE, raised on every change guests must see
 */
public record Meeting(
        String id,
        Organizer organizer,
        String title,
        Instant start,
        Instant end,
        ZoneId timezone,
        WebexMeeting webex,
        int sequence,
        MeetingStatus status,
        Instant createdAt) {

    public Meeting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizer, "organizer");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(webex, "webex");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A meeting must end after it starts");
        }
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean isOwnedBy(String personId) {
        return organizer.personId().equals(personId);
    }

    public boolean isCancelled() {
        return status == MeetingStatus.CANCELLED;
    }

    /** A copy moved to a new time (and optionally a new title), with the calendar sequence raised. */
    public Meeting rescheduled(String newTitle, Instant newStart, Instant newEnd) {
        return new Meeting(id, organizer, newTitle, newStart, newEnd, timezone, webex, sequence + 1, status, createdAt);
    }

    /** A cancelled copy, with the calendar sequence raised. */
    public Meeting cancelled() {
        return new Meeting(
                id, organizer, title, start, end, timezone, webex, sequence + 1, MeetingStatus.CANCELLED, createdAt);
    }

    /** The organizer as Webex knows them. */
    public record Organizer(String personId, String email, String displayName) {
        public Organizer {
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(displayName, "displayName");
        }
    }

    /**
     * What Webex returned for the meeting. Secret from guests: the widget gets only {@code sipAddress}, and only after
     * verification.
     */
    public record WebexMeeting(String id, String meetingNumber, String webLink, String sipAddress) {
        public WebexMeeting {
            Objects.requireNonNull(id, "webex meeting id");
        }
    }
}
