package io.guestgate.webex.messages;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A message as {@code POST /messages} and {@code GET /messages/{id}} return it.
 *
 * @param roomType {@code direct} or {@code group}
 * @param parentId the thread's first message, when this is a reply
 * @param updated  when it was last edited, or null if never
 */
public record Message(
        String id,
        String roomId,
        String roomType,
        String parentId,
        String personId,
        String personEmail,
        String toPersonId,
        String toPersonEmail,
        String text,
        String markdown,
        List<String> mentionedPeople,
        List<Attachment> attachments,
        OffsetDateTime created,
        OffsetDateTime updated) {

    public Message {
        mentionedPeople = mentionedPeople == null ? List.of() : List.copyOf(mentionedPeople);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
