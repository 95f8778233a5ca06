package io.guestgate.domain.lobby;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What the door decided about one lobby participant. Recorded once per participant (whichever instance sees the
 * participant first decides); only {@link Kind#KEPT_OUT} may later become {@link Kind#ADMITTED_ANYWAY}, by the
 * organizer.
 *
 * @param invitationId the invitation the participant was matched to, or null for a stranger
 * @param displayName  the name the participant shows in the lobby (typed by them, unless verified)
 */
public record DoorDecision(Kind kind, String invitationId, String displayName, Instant at) {

    public DoorDecision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        displayName = displayName == null ? "" : displayName;
    }

    public DoorDecision as(Kind newKind, Instant when) {
        return new DoorDecision(newKind, invitationId, displayName, when);
    }

    public enum Kind {
        /** A verified guest: admitted by GuestGate. */
        ADMITTED,
        /** Not verified by GuestGate: kept in the lobby, the organizer was asked. */
        KEPT_OUT,
        /** Kept out, then admitted by the organizer's "Admit anyway". */
        ADMITTED_ANYWAY,
        /** The verified identity is in the meeting already (a shared token, a second device). */
        REFUSED_DUPLICATE,
        /** The invitation was withdrawn or the meeting cancelled after the token was minted. */
        REFUSED_WITHDRAWN;

        /** The metric and audit word: {@code admitted}, {@code kept-out}, … */
        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
