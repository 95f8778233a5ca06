package io.guestgate.webex.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small digest of one spec: which paths it declares, and for each operation which bodies it declares.
 * The validator passes an absent body or an absent Content-Type silently; this index lets
 * {@link WebexContract} refuse both.
 */
final class OperationIndex {

    /** What one operation (path template + method) declares. */
    record Operation(String template, Set<String> requestMediaTypes, Map<String, Set<String>> responseMediaTypes) {

        boolean declaresRequestBody() {
            return !requestMediaTypes.isEmpty();
        }

        /** Media types declared for a status, falling back to "4XX"-style ranges and "default". */
        Set<String> responseMediaTypes(int status) {
            Set<String> exact = responseMediaTypes.get(Integer.toString(status));
            if (exact != null) {
                return exact;
            }
            Set<String> range = responseMediaTypes.get((status / 100) + "XX");
            if (range != null) {
                return range;
            }
            return responseMediaTypes.getOrDefault("default", Set.of());
        }
    }

    private record Template(String template, Pattern pattern, int variables) {}

    private final List<Template> templates = new ArrayList<>();
    private final Map<String, Map<String, Operation>> operations = new HashMap<>();

    OperationIndex(JsonNode root) {
        root.path("paths").properties().forEach(pathEntry -> {
            String template = pathEntry.getKey();
            String regex = Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            int variables = template.split("\\{", -1).length - 1;
            templates.add(new Template(template, Pattern.compile(regex), variables));
            Map<String, Operation> byMethod = new HashMap<>();
            pathEntry.getValue().properties().forEach(operationEntry -> {
                JsonNode operation = operationEntry.getValue();
                if (!operation.isObject() || !operation.has("responses")) {
                    return;
                }
                Set<String> requestTypes =
                        mediaTypes(operation.path("requestBody").path("content"));
                Map<String, Set<String>> responseTypes = new HashMap<>();
                operation
                        .path("responses")
                        .properties()
                        .forEach(response -> responseTypes.put(
                                response.getKey().toUpperCase(Locale.ROOT),
                                mediaTypes(response.getValue().path("content"))));
                byMethod.put(
                        operationEntry.getKey().toUpperCase(Locale.ROOT),
                        new Operation(template, requestTypes, responseTypes));
            });
            operations.put(template, byMethod);
        });
        // A literal segment beats a variable: /meetings/join must not be read as /meetings/{meetingId}.
        templates.sort(Comparator.comparingInt(Template::variables));
    }

    private static Set<String> mediaTypes(JsonNode content) {
        Set<String> types = new HashSet<>();
        content.fieldNames().forEachRemaining(type -> types.add(type.toLowerCase(Locale.ROOT)));
        return Set.copyOf(types);
    }

    /** The template that matches an API path (without the /v1 prefix), if this spec declares it. */
    Optional<String> template(String apiPath) {
        return templates.stream()
                .filter(t -> t.pattern().matcher(apiPath).matches())
                .map(Template::template)
                .findFirst();
    }

    Optional<Operation> operation(String template, String method) {
        return Optional.ofNullable(operations.getOrDefault(template, Map.of()).get(method.toUpperCase(Locale.ROOT)));
    }
}
