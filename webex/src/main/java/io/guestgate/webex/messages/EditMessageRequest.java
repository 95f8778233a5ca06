package io.guestgate.webex.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The body of {@code PUT /messages/{messageId}} ("Edit a Message"): the message's space and its new text or
 * markdown. Webex refuses (400) to edit a message that carries a card or files, and any message after 10 edits.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EditMessageRequest(String roomId, String text, String markdown) {

    public EditMessageRequest {
        Objects.requireNonNull(roomId, "roomId");
        if (isBlank(text) && isBlank(markdown)) {
            throw new IllegalArgumentException("An edited message needs text or markdown");
        }
    }

    public static EditMessageRequest text(String roomId, String text) {
        return new EditMessageRequest(roomId, text, null);
    }

    public static EditMessageRequest markdown(String roomId, String markdown) {
        return new EditMessageRequest(roomId, null, markdown);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
