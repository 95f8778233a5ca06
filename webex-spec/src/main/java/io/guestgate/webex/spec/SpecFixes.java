package io.guestgate.webex.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The in-memory repairs that Cisco's specs need before the validator accepts them (see
 * shared/webex-openapi/VALIDATION-NOTES.md). The files on disk stay untouched. Each repair is written
 * generally (any path, any schema name), so a newer spec with the same kind of flaw still loads.
 */
final class SpecFixes {

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SpecFixes() {}

    static void apply(WebexSpec spec, ObjectNode root) {
        declareMissingPathParameters(root);
        sanitiseSchemaNames(root);
        makeOperationIdsUnique(root);
        if (spec == WebexSpec.MESSAGING) {
            patchAttachmentSchema(root);
        }
    }

    /** meeting: PUT /admin/meeting/config/trackingCodes/{trackingCodeId} declares no path parameter. */
    static void declareMissingPathParameters(ObjectNode root) {
        JsonNode paths = root.path("paths");
        paths.properties().forEach(entry -> {
            List<String> variables = new ArrayList<>();
            Matcher matcher = TEMPLATE_VARIABLE.matcher(entry.getKey());
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
            if (variables.isEmpty() || !(entry.getValue() instanceof ObjectNode pathItem)) {
                return;
            }
            Set<String> pathLevel = declaredPathParameters(pathItem.path("parameters"));
            pathItem.properties().forEach(operationEntry -> {
                if (!METHODS.contains(operationEntry.getKey())
                        || !(operationEntry.getValue() instanceof ObjectNode operation)) {
                    return;
                }
                Set<String> declared = new HashSet<>(pathLevel);
                declared.addAll(declaredPathParameters(operation.path("parameters")));
                for (String variable : variables) {
                    if (!declared.contains(variable)) {
                        ArrayNode parameters = operation.has("parameters")
                                        && operation.get("parameters").isArray()
                                ? (ArrayNode) operation.get("parameters")
                                : operation.putArray("parameters");
                        ObjectNode parameter = parameters.addObject();
                        parameter.put("name", variable).put("in", "path").put("required", true);
                        parameter.putObject("schema").put("type", "string");
                    }
                }
            });
        });
    }

    private static Set<String> declaredPathParameters(JsonNode parameters) {
        Set<String> names = new HashSet<>();
        for (JsonNode parameter : parameters) {
            if ("path".equals(parameter.path("in").asText())) {
                names.add(parameter.path("name").asText());
            }
        }
        return names;
    }

    /** admin: "Authorizations Collection Response" is not a legal component name. */
    static void sanitiseSchemaNames(ObjectNode root) {
        if (!(root.path("components").path("schemas") instanceof ObjectNode schemas)) {
            return;
        }
        Map<String, String> renames = new HashMap<>();
        Set<String> taken = new HashSet<>();
        schemas.fieldNames().forEachRemaining(taken::add);
        for (String name : List.copyOf(taken)) {
            if (!SAFE_NAME.matcher(name).matches()) {
                String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
                while (taken.contains(safe)) {
                    safe = safe + "_";
                }
                taken.add(safe);
                renames.put(name, safe);
            }
        }
        if (renames.isEmpty()) {
            return;
        }
        ObjectNode renamed = NODES.objectNode();
        schemas.properties().forEach(e -> renamed.set(renames.getOrDefault(e.getKey(), e.getKey()), e.getValue()));
        schemas.removeAll();
        schemas.setAll(renamed);
        Map<String, String> refRewrites = new HashMap<>();
        renames.forEach((from, to) -> {
            refRewrites.put(SCHEMA_REF_PREFIX + from, SCHEMA_REF_PREFIX + to);
            refRewrites.put(SCHEMA_REF_PREFIX + from.replace(" ", "%20"), SCHEMA_REF_PREFIX + to);
        });
        rewriteRefs(root, refRewrites);
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> rewrites) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && rewrites.containsKey(ref.asText())) {
                object.set("$ref", TextNode.valueOf(rewrites.get(ref.asText())));
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, rewrites));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteRefs(child, rewrites));
        }
    }

    /** admin: listReports, getReportDetails, deleteAReport and "Get Group Members" each appear twice. */
    static void makeOperationIdsUnique(ObjectNode root) {
        Map<String, Integer> seen = new HashMap<>();
        for (Iterator<JsonNode> pathItems = root.path("paths").elements(); pathItems.hasNext(); ) {
            JsonNode pathItem = pathItems.next();
            pathItem.properties().forEach(entry -> {
                if (METHODS.contains(entry.getKey())
                        && entry.getValue() instanceof ObjectNode operation
                        && operation.path("operationId").isTextual()) {
                    String id = operation.get("operationId").asText();
                    int count = seen.merge(id, 1, Integer::sum);
                    if (count > 1) {
                        operation.put("operationId", id + "_" + count);
                    }
                }
            });
        }
    }

    /** messaging: Attachment points at an unrelated File schema, so every adaptive-card message fails. */
    static void patchAttachmentSchema(ObjectNode root) {
        if (!(root.path("components").path("schemas") instanceof ObjectNode schemas)) {
            return;
        }
        ObjectNode attachment = NODES.objectNode();
        attachment.put("type", "object");
        attachment.putArray("required").add("contentType").add("content");
        ObjectNode properties = attachment.putObject("properties");
        properties.putObject("contentType").put("type", "string");
        properties.putObject("content").put("type", "object");
        schemas.set("Attachment", attachment);
    }
}
