package io.guestgate.emulator.meetings;

import io.guestgate.emulator.config.EmulatorProperties;
import io.guestgate.emulator.webhooks.WebhookDispatcher;
import io.guestgate.emulator.webhooks.WebhookEvent;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code meetingParticipants} webhooks, for webhooks whose owner hosts the meeting: {@code joined} on lobby entry
 * ({@code state: lobby}, unless {@code emulator.meetings.lobby-joined-events} is false) and on entering the meeting
 * ({@code state: joined}); {@code left} on leaving ({@code state: end}). {@code data} is the participant exactly as
 * {@code GET /meetingParticipants/{id}} shows it.
 */
@Component
class ParticipantEvents {

    static final String RESOURCE = "meetingParticipants";

    private final WebhookDispatcher webhooks;
    private final ParticipantView view;
    private final boolean lobbyJoinedEvents;

    ParticipantEvents(WebhookDispatcher webhooks, ParticipantView view, EmulatorProperties properties) {
        this.webhooks = webhooks;
        this.view = view;
        this.lobbyJoinedEvents = properties.meetings().lobbyJoinedEvents();
    }

    /** Someone arrived: in the lobby, or straight into the meeting. */
    void arrived(Participant p, Meeting m) {
        if (p.state() == Participant.State.LOBBY && !lobbyJoinedEvents) {
            return;
        }
        publish("joined", p, m);
    }

    void admitted(Participant p, Meeting m) {
        publish("joined", p, m);
    }

    void left(Participant p, Meeting m) {
        publish("left", p, m);
    }

    private void publish(String event, Participant p, Meeting m) {
        // The filter's meetingId may name the series, the scheduled occurrence or the instance.
        Map<String, List<String>> fields = Map.of(
                "meetingId", List.of(m.id(), MeetingView.occurrenceId(m), p.meetingId()),
                "hostUserId", List.of(m.hostUserId()),
                "hostEmail", m.hostEmail() == null ? List.of() : List.of(m.hostEmail()));
        String actor = p.personId() != null ? p.personId() : m.hostUserId();
        webhooks.publish(
                new WebhookEvent(RESOURCE, event, actor, view.of(p, m), fields, owner -> owner.equals(m.hostUserId())));
    }
}
