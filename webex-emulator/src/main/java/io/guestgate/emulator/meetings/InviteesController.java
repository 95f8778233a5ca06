package io.guestgate.emulator.meetings;

import io.guestgate.emulator.auth.Caller;
import io.guestgate.emulator.support.ApiException;
import io.guestgate.emulator.support.Paging;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Meeting invitees: create, list, get and delete, for the meeting's host. */
@RestController
@RequestMapping(produces = MeetingMediaType.JSON_UTF8)
class InviteesController {

    private final MeetingStore meetings;
    private final Invitees invitees;

    InviteesController(MeetingStore meetings, Invitees invitees) {
        this.meetings = meetings;
        this.invitees = invitees;
    }

    record CreateInvitee(
            String meetingId,
            String email,
            String displayName,
            Boolean coHost,
            Boolean panelist,
            Boolean sendEmail,
            String hostEmail) {}

    @PostMapping("/v1/meetingInvitees")
    Map<String, Object> create(Caller caller, @RequestBody(required = false) CreateInvitee body) {
        if (body == null
                || body.meetingId() == null
                || body.email() == null
                || !body.email().contains("@")) {
            throw ApiException.badRequest("meetingId and a valid email are required.");
        }
        Meeting meeting = meetings.requireHostedBy(
                body.meetingId(), caller.requirePerson().personId());
        return view(invitees.add(
                meeting.id(),
                body.email(),
                body.displayName(),
                Boolean.TRUE.equals(body.coHost()),
                Boolean.TRUE.equals(body.panelist())));
    }

    @GetMapping("/v1/meetingInvitees")
    ResponseEntity<Map<String, Object>> list(
            Caller caller, @RequestParam(required = false) String meetingId, ServerHttpRequest request) {
        if (meetingId == null) {
            throw ApiException.badRequest("meetingId is required.");
        }
        meetings.requireHostedBy(meetingId, caller.requirePerson().personId());
        List<Map<String, Object>> items =
                invitees.of(meetingId).stream().map(InviteesController::view).toList();
        Paging.Page<Map<String, Object>> page = Paging.page(items, request, 10, 100);
        return ResponseEntity.ok().headers(page.headers()).body(Map.of("items", page.items()));
    }

    @GetMapping("/v1/meetingInvitees/{inviteeId}")
    Map<String, Object> get(Caller caller, @PathVariable String inviteeId) {
        return view(require(caller, inviteeId));
    }

    @DeleteMapping("/v1/meetingInvitees/{inviteeId}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String inviteeId) {
        invitees.remove(require(caller, inviteeId).id());
        return ResponseEntity.noContent().build();
    }

    private Invitee require(Caller caller, String inviteeId) {
        Invitee invitee = invitees.byId(inviteeId).orElseThrow(() -> ApiException.notFound("Invitee not found."));
        meetings.requireHostedBy(invitee.meetingId(), caller.requirePerson().personId());
        return invitee;
    }

    private static Map<String, Object> view(Invitee i) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", i.id());
        body.put("email", i.email());
        body.put("displayName", i.displayName());
        body.put("coHost", i.coHost());
        body.put("meetingId", i.meetingId());
        body.put("panelist", i.panelist());
        return body;
    }
}
