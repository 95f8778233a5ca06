package io.guestgate.webex.spec;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates Webex HTTP traffic against Cisco's OpenAPI specs, with the repairs and tolerances described in
 * shared/webex-openapi/VALIDATION-NOTES.md, and with guards against the validator's silent passes: a body
 * without a JSON Content-Type, a missing body where the operation declares one, and (for requests) a
 * missing bearer token.
 *
 * <p>Paths may be given with or without the {@code /v1} prefix, and may carry a query string; query
 * parameters can also be given in the map. Header names are matched case-insensitively.
 */
public final class WebexContract {

    private WebexContract() {}

    public static ContractReport validateRequest(
            String method,
            String path,
            Map<String, List<String>> query,
            Map<String, List<String>> headers,
            String body) {
        Target target = Target.of(method, path, query);
        String subject = "request " + target.method() + " " + target.fullPath();
        Optional<Routed> routed = route(target);
        if (routed.isEmpty()) {
            return unknownPath(subject, target);
        }
        WebexSpec spec = routed.get().spec();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Headers h = new Headers(headers);
        String authorization = h.first("Authorization");
        if (authorization == null
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            errors.add("guard.request.authorization: no 'Authorization: Bearer …' header (the specs declare no "
                    + "security, so the validator would not notice)");
        }
        routed.get()
                .operation()
                .ifPresent(operation ->
                        guardBody("request", body, h.first("Content-Type"), operation.requestMediaTypes(), errors));

        SimpleRequest.Builder request = new SimpleRequest.Builder(target.method(), target.fullPath());
        target.query().forEach(request::withQueryParam);
        h.all().forEach(request::withHeader);
        if (body != null && !body.isEmpty()) {
            request.withBody(body, StandardCharsets.UTF_8);
        }
        collect(spec.loaded().validator().validateRequest(request.build()), errors, warnings);
        return new ContractReport(subject, spec.fileName(), errors, warnings);
    }

    public static ContractReport validateResponse(
            String method, String path, int status, Map<String, List<String>> headers, String body) {
        Target target = Target.of(method, path, Map.of());
        String subject = "response " + status + " to " + target.method() + " " + target.fullPath();
        Optional<Routed> routed = route(target);
        if (routed.isEmpty()) {
            return unknownPath(subject, target);
        }
        WebexSpec spec = routed.get().spec();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Headers h = new Headers(headers);
        routed.get().operation().ifPresent(operation -> {
            Set<String> declared = operation.responseMediaTypes(status);
            if (status != 204) {
                guardBody("response", body, h.first("Content-Type"), declared, errors);
            }
        });
        SimpleResponse.Builder response = new SimpleResponse.Builder(status);
        h.all().forEach(response::withHeader);
        if (body != null && !body.isEmpty()) {
            response.withBody(body, StandardCharsets.UTF_8);
        }
        collect(
                spec.loaded()
                        .validator()
                        .validateResponse(target.fullPath(), Request.Method.valueOf(target.method()), response.build()),
                errors,
                warnings);
        return new ContractReport(subject, spec.fileName(), errors, warnings);
    }

    /** Like {@link #validateRequest} but throws an {@link AssertionError} listing every error. */
    public static ContractReport assertValidRequest(
            String method,
            String path,
            Map<String, List<String>> query,
            Map<String, List<String>> headers,
            String body) {
        return requireNoErrors(validateRequest(method, path, query, headers, body));
    }

    /** Like {@link #validateResponse} but throws an {@link AssertionError} listing every error. */
    public static ContractReport assertValidResponse(
            String method, String path, int status, Map<String, List<String>> headers, String body) {
        return requireNoErrors(validateResponse(method, path, status, headers, body));
    }

    /** The spec that declares a path (with or without /v1), if any. */
    public static Optional<WebexSpec> specFor(String path) {
        return route(Target.of("GET", path, Map.of())).map(Routed::spec);
    }

    private static ContractReport requireNoErrors(ContractReport report) {
        if (report.hasErrors()) {
            throw new AssertionError(report.describe());
        }
        return report;
    }

    private static ContractReport unknownPath(String subject, Target target) {
        return new ContractReport(
                subject, null, List.of("guard.path.unknown: no Webex spec declares " + target.apiPath()), List.of());
    }

    /**
     * The validator checks a body only when a JSON Content-Type is present, and accepts a missing body even
     * when the operation declares one.
     */
    private static void guardBody(
            String side, String body, String contentType, Set<String> declared, List<String> errors) {
        boolean hasBody = body != null && !body.isBlank();
        if (!hasBody) {
            if (!declared.isEmpty()) {
                errors.add("guard." + side + ".body.missing: the operation declares a " + side + " body " + declared
                        + " but the body is empty");
            }
            return;
        }
        if (contentType == null || contentType.isBlank()) {
            errors.add("guard." + side + ".contentType.missing: a " + side
                    + " body without Content-Type is never validated");
            return;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean json = mediaType.equals("application/json") || mediaType.endsWith("+json");
        if (!json && !declared.contains(mediaType)) {
            errors.add("guard." + side + ".contentType.notJson: " + side + " body sent as '" + contentType
                    + "', which is neither JSON nor declared " + declared);
        }
    }

    private static void collect(ValidationReport report, List<String> errors, List<String> warnings) {
        for (ValidationReport.Message message : report.getMessages()) {
            String text = format(message);
            switch (message.getLevel()) {
                case ERROR -> errors.add(text);
                case WARN -> warnings.add(text);
                default -> {}
            }
        }
    }

    private static String format(ValidationReport.Message message) {
        StringBuilder text = new StringBuilder(message.getKey()).append(": ").append(message.getMessage());
        message.getAdditionalInfo().forEach(info -> text.append(" | ").append(info));
        message.getNestedMessages().forEach(nested -> text.append("\n      ").append(format(nested)));
        return text.toString();
    }

    private record Routed(WebexSpec spec, Optional<OperationIndex.Operation> operation) {}

    private static Optional<Routed> route(Target target) {
        for (WebexSpec spec : WebexSpec.values()) {
            OperationIndex index = spec.loaded().index();
            Optional<String> template = index.template(target.apiPath());
            if (template.isPresent()) {
                return Optional.of(new Routed(spec, index.operation(template.get(), target.method())));
            }
        }
        return Optional.empty();
    }

    /** A method and path split into the spec-relative path, the /v1 path and the query parameters. */
    private record Target(String method, String apiPath, Map<String, List<String>> query) {

        static Target of(String method, String path, Map<String, List<String>> query) {
            String pathOnly = path;
            Map<String, List<String>> merged = new LinkedHashMap<>();
            int questionMark = path.indexOf('?');
            if (questionMark >= 0) {
                pathOnly = path.substring(0, questionMark);
                for (String pair : path.substring(questionMark + 1).split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    String[] parts = pair.split("=", 2);
                    merged.computeIfAbsent(decode(parts[0]), k -> new ArrayList<>())
                            .add(parts.length > 1 ? decode(parts[1]) : "");
                }
            }
            if (query != null) {
                query.forEach((name, values) ->
                        merged.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values));
            }
            String apiPath = pathOnly.startsWith(WebexSpec.BASE_PATH + "/")
                    ? pathOnly.substring(WebexSpec.BASE_PATH.length())
                    : pathOnly;
            return new Target(method.toUpperCase(Locale.ROOT), apiPath, merged);
        }

        String fullPath() {
            return WebexSpec.BASE_PATH + apiPath;
        }

        private static String decode(String text) {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
    }

    /** Case-insensitive view of a header map. */
    private record Headers(Map<String, List<String>> all) {

        Headers {
            all = all == null ? Map.of() : all;
        }

        String first(String name) {
            for (Map.Entry<String, List<String>> entry : all.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)
                        && entry.getValue() != null
                        && !entry.getValue().isEmpty()) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }
    }
}
