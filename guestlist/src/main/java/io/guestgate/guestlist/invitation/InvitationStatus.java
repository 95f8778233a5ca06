package io.guestgate.guestlist.invitation;

/** Where an invitation stands. {@code INVITED → VERIFIED → ADMITTED}, or {@code REVOKED} at any point. */
public enum InvitationStatus {
    INVITED,
    VERIFIED,
    ADMITTED,
    REVOKED
}
