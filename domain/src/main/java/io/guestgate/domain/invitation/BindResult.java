package io.guestgate.domain.invitation;

/** What binding a verified identity to an invitation did. */
public sealed interface BindResult {

    /** The identity now holds the invitation: the first to verify, or the same person again. */
    record Bound(Invitation invitation, boolean firstTime) implements BindResult {}

    /** Another identity verified for this invitation before: this one is refused. */
    record HeldByAnother(Invitation invitation, VerifiedIdentity attempted) implements BindResult {}

    /** The invitation was revoked or has expired. */
    record NoLongerValid(Invitation invitation) implements BindResult {}
}
