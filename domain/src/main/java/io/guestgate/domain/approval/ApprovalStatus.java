package io.guestgate.domain.approval;

/** Where a host-approval request stands: waiting for the organizer, or answered. */
public enum ApprovalStatus {
    PENDING,
    ADMITTED,
    DENIED
}
