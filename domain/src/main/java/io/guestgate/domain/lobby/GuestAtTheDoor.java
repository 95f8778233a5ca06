package io.guestgate.domain.lobby;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified guest's place at the door: their state and, once seen, their participant id.
 *
 * @param since when the guest entered this state (for "lobby → admitted" timings)
 */
public record GuestAtTheDoor(GuestState state, String participantId, Instant since) {

    public GuestAtTheDoor {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }
}
