package io.guestgate.emulator.webhooks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Something that happened and may fire webhooks.
 *
 * @param data the envelope's {@code data} object (ids only for messages: Webex never puts message text in a webhook;
 *     the whole participant for meetingParticipants)
 * @param filterFields what a webhook {@code filter} may test, e.g. roomId, roomType, personEmail, mentionedPeople
 * @param visibleTo whether the webhook owner may see the object at all (a bot in a group space: only mentions)
 */
public record WebhookEvent(
        String resource,
        String event,
        String actorId,
        Map<String, Object> data,
        Map<String, List<String>> filterFields,
        Predicate<String> visibleTo) {

    public WebhookEvent {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(actorId, "actorId");
        // Kept in the caller's order, so the envelope's data reads like the API's answer for the same object.
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        filterFields = Map.copyOf(filterFields);
        Objects.requireNonNull(visibleTo, "visibleTo");
    }
}
