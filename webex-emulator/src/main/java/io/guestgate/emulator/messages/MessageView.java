package io.guestgate.emulator.messages;

import io.guestgate.emulator.support.Times;
import java.util.LinkedHashMap;
import java.util.Map;

/** A message in Webex's JSON shape; absent fields are left out, never null. */
final class MessageView {

    private MessageView() {}

    static Map<String, Object> of(Message m, boolean withRecipient) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", m.id());
        put(body, "parentId", m.parentId());
        body.put("roomId", m.roomId());
        body.put("roomType", m.roomType().wire());
        if (withRecipient) {
            put(body, "toPersonId", m.toPersonId());
            put(body, "toPersonEmail", m.toPersonEmail());
        }
        put(body, "text", m.text());
        put(body, "markdown", m.markdown());
        put(body, "html", m.html());
        if (!m.files().isEmpty()) {
            body.put("files", m.files());
        }
        if (!m.attachments().isEmpty()) {
            body.put("attachments", m.attachments());
        }
        body.put("personId", m.personId());
        body.put("personEmail", m.personEmail());
        if (!m.mentionedPeople().isEmpty()) {
            body.put("mentionedPeople", m.mentionedPeople());
        }
        body.put("created", Times.format(m.created()));
        if (m.updated() != null) {
            body.put("updated", Times.format(m.updated()));
        }
        return body;
    }

    private static void put(Map<String, Object> body, String key, Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }
}
