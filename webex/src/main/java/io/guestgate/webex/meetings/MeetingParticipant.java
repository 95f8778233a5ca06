package io.guestgate.webex.meetings;

import java.time.OffsetDateTime;

/**
 * A participant as {@code GET /meetingParticipants} returns it.
 *
 * @param state {@code lobby}, {@code joined}, {@code end} or {@code breakoutSession}
 */
public record MeetingParticipant(
        String id,
        String meetingId,
        String orgId,
        String email,
        String displayName,
        Boolean host,
        Boolean coHost,
        Boolean invitee,
        Boolean muted,
        String state,
        OffsetDateTime joinedTime,
        OffsetDateTime leftTime) {

    public boolean inLobby() {
        return "lobby".equals(state);
    }
}
