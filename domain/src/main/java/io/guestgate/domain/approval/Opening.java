package io.guestgate.domain.approval;

/** What asking to open an approval request for an invitation did: an invitation has one pending request at most. */
public sealed interface Opening {

    ApprovalRequest request();

    /** A new pending request: the organizer has not been asked yet. */
    record Opened(ApprovalRequest request) implements Opening {}

    /** A request for this invitation was pending already, maybe for someone else: this is that one. */
    record AlreadyOpen(ApprovalRequest request) implements Opening {}
}
