package io.guestgate.landing.admission;

import io.guestgate.domain.approval.ApprovalRequest;
import io.guestgate.domain.invitation.VerifiedIdentity;

/** Where an admission attempt ended for the guest. */
public sealed interface AdmissionOutcome {

    /** Verified, matched and bound: the guest may open the meeting. */
    record Admitted(VerifiedIdentity identity) implements AdmissionOutcome {}

    /** Not the invited person, not verified strongly enough, or the link is held by someone else. */
    record Refused(String reason) implements AdmissionOutcome {}

    /** The organizer said no. */
    record Denied() implements AdmissionOutcome {}

    /** The organizer did not answer in time. */
    record TimedOut() implements AdmissionOutcome {}

    /** The organizer has been asked; the guest waits. */
    record Waiting(ApprovalRequest request) implements AdmissionOutcome {}

    /** The organizer could not be asked (Webex unreachable); the guest may try again. */
    record OrganizerUnreachable() implements AdmissionOutcome {}

    /** The invitation was revoked or expired meanwhile. */
    record Gone() implements AdmissionOutcome {}
}
