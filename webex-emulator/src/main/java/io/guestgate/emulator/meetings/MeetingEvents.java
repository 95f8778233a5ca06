package io.guestgate.emulator.meetings;

import io.guestgate.emulator.webhooks.WebhookDispatcher;
import io.guestgate.emulator.webhooks.WebhookEvent;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code meetings} webhooks, for webhooks whose owner hosts the meeting: {@code updated} when a meeting's schedule
 * changes and {@code deleted} when it is deleted, whoever did it (the API, or the host in the Webex app, the site or
 * Outlook). {@code data} is the meeting series as {@code GET /meetings/{id}} shows it.
 */
@Component
class MeetingEvents {

    static final String RESOURCE = "meetings";

    private final WebhookDispatcher webhooks;

    MeetingEvents(WebhookDispatcher webhooks) {
        this.webhooks = webhooks;
    }

    void updated(Meeting meeting) {
        publish("updated", meeting);
    }

    void deleted(Meeting meeting) {
        publish("deleted", meeting);
    }

    private void publish(String event, Meeting m) {
        Map<String, List<String>> fields = Map.of(
                "hostUserId",
                List.of(m.hostUserId()),
                "hostEmail",
                m.hostEmail() == null ? List.of() : List.of(m.hostEmail()));
        webhooks.publish(new WebhookEvent(
                RESOURCE, event, m.hostUserId(), MeetingView.series(m), fields, owner -> owner.equals(m.hostUserId())));
    }
}
