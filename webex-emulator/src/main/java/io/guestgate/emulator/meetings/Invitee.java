package io.guestgate.emulator.meetings;

import java.util.Objects;

/** Someone invited to a meeting through /meetingInvitees. */
public record Invitee(String id, String meetingId, String email, String displayName, boolean coHost, boolean panelist) {
    public Invitee {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
    }
}
