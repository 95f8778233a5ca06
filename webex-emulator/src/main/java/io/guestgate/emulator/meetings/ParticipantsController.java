package io.guestgate.emulator.meetings;

import io.guestgate.emulator.auth.Caller;
import io.guestgate.emulator.support.ApiException;
import io.guestgate.emulator.support.Paging;
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

/**
 * Meeting participants for the host: list (by series, occurrence or instance id), get, and admit from the lobby.
 */
@RestController
class ParticipantsController {

    private final Participants participants;
    private final MeetingStore meetings;
    private final ParticipantView view;

    ParticipantsController(Participants participants, MeetingStore meetings, ParticipantView view) {
        this.participants = participants;
        this.meetings = meetings;
        this.view = view;
    }

    @GetMapping(value = "/v1/meetingParticipants", produces = "application/json")
    ResponseEntity<Map<String, Object>> list(
            Caller caller, @RequestParam(required = false) String meetingId, ServerHttpRequest request) {
        if (meetingId == null) {
            throw ApiException.badRequest("meetingId is required.");
        }
        Meeting meeting =
                meetings.requireHostedBy(meetingId, caller.requirePerson().personId());
        List<Map<String, Object>> items = participants.listed(meetingId, meeting).stream()
                .map(p -> view.of(p, meeting))
                .toList();
        Paging.Page<Map<String, Object>> page = Paging.page(items, request, 10, 100);
        return ResponseEntity.ok().headers(page.headers()).body(Map.of("items", page.items()));
    }

    @GetMapping(value = "/v1/meetingParticipants/{participantId}", produces = "application/json")
    Map<String, Object> get(Caller caller, @PathVariable String participantId) {
        Participant p =
                participants.byId(participantId).orElseThrow(() -> ApiException.notFound("Participant not found."));
        return view.of(
                p, meetings.requireHostedBy(p.seriesId(), caller.requirePerson().personId()));
    }

    record AdmitRequest(List<Item> items) {
        record Item(String participantId, String breakoutSessionId) {}
    }

    @PostMapping("/v1/meetingParticipants/admit")
    ResponseEntity<Void> admit(Caller caller, @RequestBody(required = false) AdmitRequest body) {
        String host = caller.requirePerson().personId();
        if (body == null
                || body.items() == null
                || body.items().isEmpty()
                || body.items().size() > 100) {
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
}
