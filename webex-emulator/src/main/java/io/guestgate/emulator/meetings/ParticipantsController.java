package io.guestgate.emulator.meetings;

import io.guestgate.emulator.EmulatorSeed;
import io.guestgate.emulator.auth.Caller;
import io.guestgate.emulator.support.ApiException;
import io.guestgate.emulator.support.Paging;
import io.guestgate.emulator.support.Times;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Meeting participants for the host: list, get, admit from the lobby; and the test route that joins a meeting. */
@RestController
class ParticipantsController {

  private final Participants participants;
  private final MeetingStore meetings;
  private final InviteesController invitees;
  private final String orgId;

  ParticipantsController(Participants participants, MeetingStore meetings, InviteesController invitees,
                         EmulatorSeed seed) {
    this.participants = participants;
    this.meetings = meetings;
    this.invitees = invitees;
    this.orgId = seed.orgId();
  }

  @GetMapping(value = "/v1/meetingParticipants", produces = "application/json")
  ResponseEntity<Map<String, Object>> list(Caller caller, @RequestParam(required = false) String meetingId,
                                           ServerHttpRequest request) {
    if (meetingId == null) {
      throw ApiException.badRequest("meetingId is required.");
    }
    Meeting meeting = meetings.requireHostedBy(meetingId, caller.requirePerson().personId());
    List<Map<String, Object>> items = participants.of(meeting.id()).stream().map(p -> view(p, meeting)).toList();
    Paging.Page<Map<String, Object>> page = Paging.page(items, request, 10, 100);
    return ResponseEntity.ok().headers(page.headers()).body(Map.of("items", page.items()));
  }

  @GetMapping(value = "/v1/meetingParticipants/{participantId}", produces = "application/json")
  Map<String, Object> get(Caller caller, @PathVariable String participantId) {
    Participant p = participants.byId(participantId)
        .orElseThrow(() -> ApiException.notFound("Participant not found."));
    return view(p, meetings.requireHostedBy(p.meetingId(), caller.requirePerson().personId()));
  }

  record AdmitRequest(List<Item> items) {
    record Item(String participantId, String breakoutSessionId) {
    }
  }

  @PostMapping("/v1/meetingParticipants/admit")
  ResponseEntity<Void> admit(Caller caller, @RequestBody(required = false) AdmitRequest body) {
    String host = caller.requirePerson().personId();
    if (body == null || body.items() == null || body.items().isEmpty() || body.items().size() > 100) {
      throw ApiException.badRequest("items must list between 1 and 100 participants.");
    }
    for (AdmitRequest.Item item : body.items()) {
      if (item == null || item.participantId() == null) {
        throw ApiException.badRequest("Each item needs a participantId.");
      }
      participants.admit(item.participantId(), host);
    }
    return ResponseEntity.noContent().build();
  }

  record JoinRequest(String destination, String accessToken) {
  }

  /** Test route: what the Meetings widget does with a (guest) access token and a destination. */
  @PostMapping("/_emulator/meetings/join")
  Map<String, Object> join(@RequestBody JoinRequest body) {
    if (body == null || body.destination() == null || body.accessToken() == null) {
      throw ApiException.badRequest("destination and accessToken are required.");
    }
    Participant p = participants.join(body.destination(), body.accessToken());
    return view(p, meetings.byId(p.meetingId()).orElseThrow());
  }

  private Map<String, Object> view(Participant p, Meeting m) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", p.id());
    body.put("orgId", orgId);
    body.put("host", p.host());
    body.put("coHost", false);
    body.put("spaceModerator", false);
    if (p.email() != null) {
      body.put("email", p.email());
    }
    body.put("displayName", p.displayName());
    body.put("invitee", invitees.isInvited(m.id(), p.email()));
    body.put("muted", false);
    body.put("meetingStartTime", Times.format(m.start()));
    body.put("video", "on");
    body.put("state", p.state() == Participant.State.LOBBY ? "lobby" : "joined");
    if (p.joinedTime() != null) {
      body.put("joinedTime", Times.format(p.joinedTime()));
      body.put("devices", List.of(Map.of(
          "correlationId", p.id().substring(p.id().lastIndexOf('_') + 1),
          "deviceType", "webex_meeting_center_web",
          "audioType", "voip",
          "joinedTime", Times.format(p.joinedTime()))));
    }
    body.put("siteUrl", m.siteUrl());
    body.put("meetingId", m.id());
    body.put("hostEmail", m.hostEmail());
    return body;
  }
}
