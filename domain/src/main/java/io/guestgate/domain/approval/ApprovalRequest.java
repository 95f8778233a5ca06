package io.guestgate.domain.approval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.guestgate.domain.invitation.VerifiedIdentity;
import java.time.Instant;
import java.util.Objects;

/**
 * A verified guest waiting for the organizer to admit or deny them (match policy {@code host-approval}).
 *
 * @param id                random, lowercase letters and digits; travels in the organizer's card, never to the guest
 * @param organizerPersonId the only person whose answer counts
 * @param identity          who the guest verified as: the organizer decides on this, not on what the guest typed
 * @param decidedBy         the Webex person id that answered, or null while pending
 * @param expiresAt         after this the request can no longer be answered and the guest is told it timed out
 */
public record ApprovalRequest(
        String id,
        String invitationId,
        String meetingId,
        String organizerPersonId,
        VerifiedIdentity identity,
        ApprovalStatus status,
        String decidedBy,
        Instant createdAt,
        Instant expiresAt) {

    public ApprovalRequest {
        if (!ApprovalStore.isWellFormedId(id)) {
            throw new IllegalArgumentException("An approval request id is 16 lowercase letters or digits");
        }
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(organizerPersonId, "organizerPersonId");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("An approval request must expire after it was made");
        }
    }

    @JsonIgnore
    public boolean isPending() {
        return status == ApprovalStatus.PENDING;
    }

    /** Pending, but nobody answered in time. */
    @JsonIgnore
    public boolean isTimedOut(Instant now) {
        return isPending() && !now.isBefore(expiresAt);
    }

    ApprovalRequest decided(ApprovalStatus outcome, String personId) {
        return new ApprovalRequest(
                id, invitationId, meetingId, organizerPersonId, identity, outcome, personId, createdAt, expiresAt);
    }
}
