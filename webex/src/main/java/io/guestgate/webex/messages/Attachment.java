package io.guestgate.webex.messages;

import java.util.Map;
import java.util.Objects;

/**
 * A message attachment. Webex supports one: an adaptive card.
 *
 * @param content the card as a JSON object ({@code {"type":"AdaptiveCard","version":"1.3","body":[…]}})
 */
public record Attachment(String contentType, Map<String, Object> content) {

    public static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

    public Attachment {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }

    public static Attachment adaptiveCard(Map<String, Object> card) {
        return new Attachment(ADAPTIVE_CARD, card);
    }
}
