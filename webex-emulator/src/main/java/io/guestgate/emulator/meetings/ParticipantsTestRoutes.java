package io.guestgate.emulator.meetings;

import io.guestgate.emulator.support.ApiException;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test routes for what happens in the Webex clients, which the REST API cannot do: join as the widget would, knock
 * without signing in, and leave. Each answers the participant as {@code GET /meetingParticipants/{id}} would.
 */
@RestController
class ParticipantsTestRoutes {

    private final Participants participants;
    private final MeetingStore meetings;
    private final ParticipantView view;

    ParticipantsTestRoutes(Participants participants, MeetingStore meetings, ParticipantView view) {
        this.participants = participants;
        this.meetings = meetings;
        this.view = view;
    }

    record JoinRequest(String destination, String accessToken, String password) {}

    record KnockRequest(String destination, String displayName, String email, String password) {}

    /** The Meetings widget with a (guest) access token, a destination and, for guests, the meeting password. */
    @PostMapping("/_emulator/meetings/join")
    Map<String, Object> join(@RequestBody(required = false) JoinRequest body) {
        if (body == null || body.destination() == null || body.accessToken() == null) {
            throw ApiException.badRequest("destination and accessToken are required.");
        }
        return show(participants.join(body.destination(), body.accessToken(), body.password()));
    }

    /** A stranger at the Webex web client, not signed in, with whatever name and email they type. */
    @PostMapping("/_emulator/meetings/knock")
    Map<String, Object> knock(@RequestBody(required = false) KnockRequest body) {
        if (body == null || body.destination() == null || body.displayName() == null || body.email() == null) {
            throw ApiException.badRequest("destination, displayName and email are required.");
        }
        return show(participants.knock(body.destination(), body.displayName(), body.email(), body.password()));
    }

    @PostMapping("/_emulator/meetings/participants/{participantId}/leave")
    Map<String, Object> leave(@PathVariable String participantId) {
        return show(participants.leave(participantId));
    }

    private Map<String, Object> show(Participant p) {
        return view.of(p, meetings.byId(p.seriesId()).orElseThrow(() -> ApiException.notFound("Meeting not found.")));
    }
}
