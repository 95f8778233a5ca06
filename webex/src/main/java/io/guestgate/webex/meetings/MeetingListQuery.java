package io.guestgate.webex.meetings;

import java.time.OffsetDateTime;

/**
 * Filters for {@code GET /meetings}; {@code null} means "not sent". Start from {@link #all()} and narrow it.
 *
 * @param max page size Webex should use (the client follows every page regardless)
 */
public record MeetingListQuery(
        String meetingNumber,
        String webLink,
        String meetingType,
        String state,
        OffsetDateTime from,
        OffsetDateTime to,
        String hostEmail,
        Integer max) {

    public MeetingListQuery {
        if (max != null && (max < 1 || max > 100)) {
            throw new IllegalArgumentException("max must be between 1 and 100, was " + max);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
    }

    public static MeetingListQuery all() {
        return new MeetingListQuery(null, null, null, null, null, null, null, null);
    }

    public MeetingListQuery withMeetingNumber(String value) {
        return new MeetingListQuery(value, webLink, meetingType, state, from, to, hostEmail, max);
    }

    /** {@code meetingSeries}, {@code scheduledMeeting} or {@code meeting}. */
    public MeetingListQuery withMeetingType(String value) {
        return new MeetingListQuery(meetingNumber, webLink, value, state, from, to, hostEmail, max);
    }

    public MeetingListQuery withState(String value) {
        return new MeetingListQuery(meetingNumber, webLink, meetingType, value, from, to, hostEmail, max);
    }

    public MeetingListQuery between(OffsetDateTime from, OffsetDateTime to) {
        return new MeetingListQuery(meetingNumber, webLink, meetingType, state, from, to, hostEmail, max);
    }

    public MeetingListQuery withHostEmail(String value) {
        return new MeetingListQuery(meetingNumber, webLink, meetingType, state, from, to, value, max);
    }

    public MeetingListQuery withPageSize(int value) {
        return new MeetingListQuery(meetingNumber, webLink, meetingType, state, from, to, hostEmail, value);
    }
}
