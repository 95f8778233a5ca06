package io.guestgate.landing.join;

import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.meeting.Meeting;
import java.time.Instant;
import java.util.Optional;

/** What a personal link leads to right now. */
public sealed interface LinkState {

    /** No such link (or not even the form of one). */
    record Unknown() implements LinkState {}

    /**
     * Revoked, cancelled, or the meeting is over.
     *
     * @param meeting the meeting the link was for, so its organizer can be named; empty when it is not stored any more
     */
    record Gone(Optional<Meeting> meeting) implements LinkState {}

    /** Valid, but it opens only at {@code opensAt}. */
    record TooEarly(Invitation invitation, Meeting meeting, Instant opensAt) implements LinkState {}

    /** Too many requests from this address or for this invitation; try again after {@code retryAfterSeconds}. */
    record Limited(long retryAfterSeconds) implements LinkState {}

    /** The link works: the guest may verify and join. */
    record Open(Invitation invitation, Meeting meeting) implements LinkState {}
}
