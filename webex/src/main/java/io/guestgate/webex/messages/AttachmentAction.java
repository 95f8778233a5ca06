package io.guestgate.webex.messages;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A card submission as {@code GET /attachment/actions/{id}} returns it.
 *
 * @param inputs the card's input values by input id (with {@code Action.Submit} data merged in)
 */
public record AttachmentAction(
        String id,
        String type,
        String messageId,
        String personId,
        String roomId,
        Map<String, Object> inputs,
        OffsetDateTime created) {

    public AttachmentAction {
        inputs = inputs == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    }

    /** An input as text, or {@code null} when absent. */
    public String input(String name) {
        Object value = inputs.get(name);
        return value == null ? null : value.toString();
    }
}
