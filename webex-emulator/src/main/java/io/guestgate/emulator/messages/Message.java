package io.guestgate.emulator.messages;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A posted message, with mentions already resolved into text, html and mentionedPeople.
 *
 * @param updated when it was last edited, null if never
 * @param edits   how often it was edited: Webex allows 10
 */
public record Message(
        String id,
        String roomId,
        Room.Type roomType,
        String parentId,
        String personId,
        String personEmail,
        String text,
        String markdown,
        String html,
        List<String> files,
        List<Map<String, Object>> attachments,
        List<String> mentionedPeople,
        String toPersonId,
        String toPersonEmail,
        Instant created,
        Instant updated,
        int edits) {

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(roomType, "roomType");
        Objects.requireNonNull(personId, "personId");
        files = files == null ? List.of() : List.copyOf(files);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        mentionedPeople = mentionedPeople == null ? List.of() : List.copyOf(mentionedPeople);
        Objects.requireNonNull(created, "created");
    }

    public boolean hasCardOrFiles() {
        return !attachments.isEmpty() || !files.isEmpty();
    }

    public boolean mentions(String personId) {
        return mentionedPeople.contains(personId);
    }
}
