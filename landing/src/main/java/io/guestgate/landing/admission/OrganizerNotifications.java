package io.guestgate.landing.admission;

import io.guestgate.domain.approval.ApprovalRequest;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.VerifiedIdentity;
import io.guestgate.domain.meeting.Meeting;
import reactor.core.publisher.Mono;

/**
 * What the organizer learns in chat (a 1:1 message from the bot) about their guests. Admission says what it needs
 * here; {@code landing.notify} says it in chat.
 */
public interface OrganizerNotifications {

    /** A guest verified, matched and is joining. Never fails the guest's way in: errors are logged and dropped. */
    Mono<Void> joining(Meeting meeting, Invitation invitation, VerifiedIdentity identity);

    /**
     * Someone verified for this invitation and was refused ({@code reason} as in the audit trail). Never fails the
     * guest's page: errors are logged and dropped.
     */
    Mono<Void> refused(Meeting meeting, Invitation invitation, VerifiedIdentity identity, String reason);

    /** The card with Admit and Deny. Fails when it could not be sent: nobody would answer the waiting guest. */
    Mono<Void> askToAdmit(Meeting meeting, Invitation invitation, ApprovalRequest request);
}
