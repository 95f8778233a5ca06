package io.guestgate.domain.invitation;

/** What adding an invitee to a meeting did. */
public sealed interface AddResult {

    Invitation invitation();

    /** A new invitation was stored. */
    record Added(Invitation invitation) implements AddResult {}

    /** That address is already invited to this meeting; nothing changed. */
    record AlreadyInvited(Invitation invitation) implements AddResult {}
}
