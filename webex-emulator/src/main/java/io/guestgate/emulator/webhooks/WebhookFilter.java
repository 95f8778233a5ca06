package io.guestgate.emulator.webhooks;

import io.guestgate.emulator.support.ApiException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A webhook filter such as {@code roomId=…&mentionedPeople=me}: every condition must hold. */
final class WebhookFilter {

    static final Map<String, Set<String>> KEYS_BY_RESOURCE = Map.of(
            "messages", Set.of("roomId", "roomType", "personId", "personEmail", "mentionedPeople", "hasFiles"),
            "attachmentActions", Set.of("roomId", "messageId", "personId", "personEmail"),
            "meetingParticipants", Set.of("meetingId", "hostUserId", "hostEmail"));

    /** Filters that make a webhook org-wide; the spec requires {@code ownedBy: org} with them. */
    static final Set<String> ORG_LEVEL_KEYS = Set.of("hostUserId", "hostEmail", "ownerId", "ownerEmail");

    private WebhookFilter() {}

    static Map<String, String> parse(String filter, String resource) {
        Map<String, String> conditions = new LinkedHashMap<>();
        if (filter == null || filter.isBlank()) {
            return conditions;
        }
        Set<String> allowed = KEYS_BY_RESOURCE.getOrDefault(resource, Set.of());
        for (String part : filter.split("&")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw ApiException.badRequest("Invalid filter '" + part + "': expected key=value.");
            }
            String key = part.substring(0, eq);
            if (!allowed.contains(key)) {
                throw ApiException.badRequest(
                        "Filter key '" + key + "' is not supported for resource " + resource + ".");
            }
            conditions.put(key, URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return conditions;
    }

    static boolean matches(String filter, String resource, String ownerId, Map<String, List<String>> fields) {
        for (Map.Entry<String, String> c : parse(filter, resource).entrySet()) {
            String wanted = "mentionedPeople".equals(c.getKey()) && "me".equals(c.getValue()) ? ownerId : c.getValue();
            List<String> actual = fields.getOrDefault(c.getKey(), List.of());
            if (actual.stream().noneMatch(v -> v.equalsIgnoreCase(wanted))) {
                return false;
            }
        }
        return true;
    }
}
