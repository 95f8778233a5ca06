package io.guestgate.webex.meetings;

/** An invitee as {@code /meetingInvitees} returns it. */
public record MeetingInvitee(
        String id, String meetingId, String email, String displayName, Boolean coHost, Boolean panelist) {}
