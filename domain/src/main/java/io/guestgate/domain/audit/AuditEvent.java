package io.guestgate.domain.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One decision GuestGate made, for the audit trail. Never carries tokens, secrets or link tokens: only ids, names
 * and outcomes.
 *
 * @param type    what happened, e.g. {@code verification}, {@code admission}, {@code invitation.sent}
 * @param outcome e.g. {@code admitted}, {@code refused}, {@code denied}
 * @param details further facts, e.g. the verified name or the reason of a refusal
 */
public record AuditEvent(
        Instant at,
        String type,
        String outcome,
        String meetingId,
        String invitationId,
        String actor,
        Map<String, String> details) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** The event as flat stream fields; absent values are left out. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("at", at.toString());
        fields.put("type", type);
        fields.put("outcome", outcome);
        putIfPresent(fields, "meetingId", meetingId);
        putIfPresent(fields, "invitationId", invitationId);
        putIfPresent(fields, "actor", actor);
        details.forEach((key, value) -> putIfPresent(fields, "detail." + key, value));
        return fields;
    }

    private static void putIfPresent(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
