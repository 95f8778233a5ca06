package io.guestgate.domain.lobby;

import java.util.Locale;

/** Where a verified guest stands at the door, as their meeting page shows it. */
public enum GuestState {
    /** A guest token was minted; the guest has not been seen in the meeting's lobby yet. */
    CONNECTING,
    /** Waiting in the lobby; GuestGate lets them in. */
    LOBBY,
    /** Let in. */
    ADMITTED,
    /** GuestGate will not let this join in: the invitation was withdrawn, or the identity is in already. */
    REFUSED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
