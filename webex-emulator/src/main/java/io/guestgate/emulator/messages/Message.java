package io.guestgate.emulator.messages;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A posted message, with mentions already resolved into text, html and mentionedPeople. */
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
    Instant created) {

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

  public boolean mentions(String personId) {
    return mentionedPeople.contains(personId);
  }
}
