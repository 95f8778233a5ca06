package io.guestgate.emulator.meetings;

import java.time.Instant;
import java.util.Objects;

/** Someone in a meeting or waiting in its lobby. */
public record Participant(String id, String meetingId, String personId, String email, String displayName,
                          boolean host, State state, Instant joinedTime) {

  public enum State { LOBBY, JOINED }

  public Participant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(meetingId, "meetingId");
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(state, "state");
  }

  Participant admitted(Instant at) {
    return new Participant(id, meetingId, personId, email, displayName, host, State.JOINED, at);
  }
}
