package io.guestgate.emulator.meetings;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test route: every meeting of every host, with who is in it or waiting in its lobby. */
@RestController
class MeetingsTestRoutes {

  private final MeetingStore meetings;
  private final Participants participants;

  MeetingsTestRoutes(MeetingStore meetings, Participants participants) {
    this.meetings = meetings;
    this.participants = participants;
  }

  @GetMapping("/_emulator/meetings")
  Map<String, Object> list() {
    return Map.of("items", meetings.all().stream().map(m -> {
      Map<String, Object> view = MeetingView.series(m);
      view.put("participants", participants.of(m.id()).stream().map(p -> Map.of(
          "id", p.id(), "personId", p.personId(), "displayName", p.displayName(),
          "state", p.state() == Participant.State.LOBBY ? "lobby" : "joined")).toList());
      return view;
    }).toList());
  }

}
