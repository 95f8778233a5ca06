package io.guestgate.bot.invite.outbox;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.domain.invitation.Invitation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One mail to send, as it sits in the stream. It names what to send, never the content: no link token (that is
 * minted at send time) and no address (that is read from the invitation then).
 *
 * @param attempt 1 for the first try; raised each time the entry is put back for a retry
 */
record OutboxEntry(
        String invitationId, String meetingId, MailPurpose purpose, Language language, String batchId, int attempt) {

    OutboxEntry {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(language, "language");
        if (!Invitation.meetingIdOf(invitationId)
                .map(id -> id.equals(meetingId))
                .orElse(false)) {
            throw new IllegalArgumentException("An outbox entry names an invitation of its meeting");
        }
        if (batchId == null || !batchId.matches("[a-z0-9]{1,40}")) {
            throw new IllegalArgumentException("batchId");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1");
        }
    }

    OutboxEntry nextAttempt() {
        return new OutboxEntry(invitationId, meetingId, purpose, language, batchId, attempt + 1);
    }

    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("invitation", invitationId);
        fields.put("meeting", meetingId);
        fields.put("purpose", purpose.name());
        fields.put("language", language.name());
        fields.put("batch", batchId);
        fields.put("attempt", Integer.toString(attempt));
        return fields;
    }

    /** Reads stream fields back; anything malformed is an {@link IllegalArgumentException}. */
    static OutboxEntry of(Map<?, ?> fields) {
        try {
            return new OutboxEntry(
                    string(fields, "invitation"),
                    string(fields, "meeting"),
                    MailPurpose.valueOf(string(fields, "purpose")),
                    Language.valueOf(string(fields, "language")),
                    string(fields, "batch"),
                    Integer.parseInt(string(fields, "attempt")));
        } catch (NullPointerException | NumberFormatException e) {
            throw new IllegalArgumentException("Malformed outbox entry", e);
        }
    }

    private static String string(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }
}
