package io.guestgate.domain.invitation;

/** Where an invitation stands. {@code INVITED → VERIFIED → ADMITTED}, or {@code REVOKED} at any point. */
public enum InvitationStatus {
    INVITED,
    VERIFIED,
    ADMITTED,
    REVOKED
}
