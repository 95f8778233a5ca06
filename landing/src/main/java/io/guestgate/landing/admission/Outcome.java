package io.guestgate.landing.admission;

import io.guestgate.domain.approval.ApprovalRequest;
import io.guestgate.domain.invitation.VerifiedIdentity;

/** Where an admission attempt ended for the guest. */
public sealed interface Outcome {

    /** Verified, matched and bound: the guest may open the meeting. */
    record Admitted(VerifiedIdentity identity) implements Outcome {
    }

    /** Not the invited person, not verified strongly enough, or the link is held by someone else. */
    record Refused(String reason) implements Outcome {
    }

    /** The organizer said no. */
    record Denied() implements Outcome {
    }

    /** The organizer did not answer in time. */
    record TimedOut() implements Outcome {
    }

    /** The organizer has been asked; the guest waits. */
    record Waiting(ApprovalRequest request) implements Outcome {
    }

    /** The organizer could not be asked (Webex unreachable); the guest may try again. */
    record OrganizerUnreachable() implements Outcome {
    }

    /** The invitation was revoked or expired meanwhile. */
    record Gone() implements Outcome {
    }
}
