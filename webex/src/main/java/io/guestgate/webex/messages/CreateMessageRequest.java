package io.guestgate.webex.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /messages}: to exactly one of a space ({@code roomId}), a person id or a person
 * email; with text, markdown and/or one adaptive card; optionally as a thread reply ({@code parentId}).
 * Start with {@link #toRoom}, {@link #toPerson} or {@link #toPersonEmail}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateMessageRequest(
        String roomId,
        String toPersonId,
        String toPersonEmail,
        String parentId,
        String text,
        String markdown,
        List<Attachment> attachments) {

    public CreateMessageRequest {
        int targets = (roomId != null ? 1 : 0) + (toPersonId != null ? 1 : 0) + (toPersonEmail != null ? 1 : 0);
        if (targets != 1) {
            throw new IllegalArgumentException("Address a message to exactly one of roomId, toPersonId, toPersonEmail");
        }
        if (attachments != null && attachments.isEmpty()) {
            attachments = null;
        }
        if (attachments != null && attachments.size() > 1) {
            throw new IllegalArgumentException("Webex accepts one attachment per message");
        }
        if (attachments != null) {
            attachments = List.copyOf(attachments);
        }
        if (isBlank(text) && isBlank(markdown) && attachments == null) {
            throw new IllegalArgumentException("A message needs text, markdown or a card");
        }
        if (attachments != null && isBlank(text) && isBlank(markdown)) {
            // Clients that cannot render cards show the text instead; Webex refuses a card without it.
            throw new IllegalArgumentException("A card needs a text or markdown fallback");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public static Builder toRoom(String roomId) {
        return new Builder(roomId, null, null);
    }

    public static Builder toPerson(String personId) {
        return new Builder(null, personId, null);
    }

    public static Builder toPersonEmail(String email) {
        return new Builder(null, null, email);
    }

    /** Collects the content of a message; {@link #build()} validates it. */
    public static final class Builder {
        private final String roomId;
        private final String toPersonId;
        private final String toPersonEmail;
        private String parentId;
        private String text;
        private String markdown;
        private Attachment card;

        private Builder(String roomId, String toPersonId, String toPersonEmail) {
            this.roomId = roomId;
            this.toPersonId = toPersonId;
            this.toPersonEmail = toPersonEmail;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder markdown(String markdown) {
            this.markdown = markdown;
            return this;
        }

        /** Attaches an adaptive card; also set text or markdown as the fallback. */
        public Builder adaptiveCard(Map<String, Object> card) {
            this.card = Attachment.adaptiveCard(card);
            return this;
        }

        /** Sends the message as a reply in the thread that {@code parentId} starts. */
        public Builder inThread(String parentId) {
            this.parentId = parentId;
            return this;
        }

        public CreateMessageRequest build() {
            return new CreateMessageRequest(
                    roomId, toPersonId, toPersonEmail, parentId, text, markdown, card == null ? null : List.of(card));
        }
    }
}
