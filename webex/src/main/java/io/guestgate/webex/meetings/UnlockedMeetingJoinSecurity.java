package io.guestgate.webex.meetings;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who may join an unlocked meeting; the spec's enum values. */
public enum UnlockedMeetingJoinSecurity {
    ALLOW_JOIN("allowJoin"),
    ALLOW_JOIN_WITH_LOBBY("allowJoinWithLobby"),
    BLOCK_FROM_JOIN("blockFromJoin");

    private final String wireValue;

    UnlockedMeetingJoinSecurity(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    public String wireValue() {
        return wireValue;
    }
}
