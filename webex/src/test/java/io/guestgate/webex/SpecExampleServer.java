package io.guestgate.webex;

import io.guestgate.webex.spec.OpenApiDirectory;
import io.guestgate.webex.spec.WebexContract;
import io.guestgate.webex.spec.WebexSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local Webex that answers every path the specs declare with the spec's own example response (first 2xx,
 * its media type, its example body) and records every request. {@code /access_token} and {@code /jwt/login},
 * which no spec covers, answer the shapes Webex documents.
 */
public final class SpecExampleServer implements AutoCloseable {

    /** One request as the server received it. */
    public record Recorded(String method, String target, Map<String, List<String>> headers, String body) {

        public String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }
    }

    static final String OAUTH_TOKENS = """
            {"access_token":"example-access-token","expires_in":1209599,"refresh_token":"example-refresh-token",
             "refresh_token_expires_in":7775999,"token_type":"Bearer"}""";
    static final String JWT_LOGIN = """
            {"token":"example-guest-access-token","expiresIn":21600}""";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<WebexSpec, JsonNode> SPECS = new ConcurrentHashMap<>();

    private final MockWebServer server = new MockWebServer();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    private SpecExampleServer() {}

    public static SpecExampleServer start() {
        SpecExampleServer example = new SpecExampleServer();
        example.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                example.requests.add(new Recorded(
                        request.getMethod(),
                        request.getTarget(),
                        request.getHeaders().toMultimap(),
                        request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8)));
                return answer(request.getMethod(), request.getUrl().encodedPath());
            }
        });
        try {
            example.server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return example;
    }

    public URI apiBaseUrl() {
        return server.url("/v1").uri();
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public void clear() {
        requests.clear();
    }

    @Override
    public void close() {
        server.close();
    }

    private static MockResponse answer(String method, String fullPath) {
        String path = fullPath.startsWith("/v1/") ? fullPath.substring(3) : fullPath;
        if (path.equals("/access_token") && method.equals("POST")) {
            return json(200, "application/json", OAUTH_TOKENS);
        }
        if (path.equals("/jwt/login") && method.equals("POST")) {
            return json(200, "application/json", JWT_LOGIN);
        }
        Optional<WebexSpec> spec = WebexContract.specFor(path);
        if (spec.isEmpty()) {
            return json(404, "application/json", "{\"message\":\"No such path\",\"trackingId\":\"example\"}");
        }
        JsonNode root = SPECS.computeIfAbsent(spec.get(), SpecExampleServer::read);
        JsonNode operation = template(root, path)
                .map(t -> root.path("paths").path(t).path(method.toLowerCase(Locale.ROOT)))
                .orElse(null);
        if (operation == null || operation.isMissingNode()) {
            return json(405, "application/json", "{\"message\":\"Method not allowed\",\"trackingId\":\"example\"}");
        }
        for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
            if (!response.getKey().startsWith("2")) {
                continue;
            }
            int status = Integer.parseInt(response.getKey());
            for (Map.Entry<String, JsonNode> content :
                    response.getValue().path("content").properties()) {
                JsonNode example = content.getValue().path("example");
                if (!example.isMissingNode()) {
                    return json(status, content.getKey(), JSON.writeValueAsString(example));
                }
            }
            return new MockResponse.Builder().code(status).build();
        }
        throw new IllegalStateException("The spec declares no 2xx answer for " + method + " " + path);
    }

    private static Optional<String> template(JsonNode root, String path) {
        List<String> matches = new ArrayList<>();
        for (String template : root.path("paths").propertyNames()) {
            String regex = Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            if (path.matches(regex)) {
                matches.add(template);
            }
        }
        // Literal segments win: /meetings/join before /meetings/{meetingId}.
        return matches.stream()
                .min(Comparator.comparingLong(
                        t -> t.chars().filter(c -> c == '{').count()));
    }

    private static MockResponse json(int status, String contentType, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", contentType)
                .setHeader("TrackingID", "EXAMPLE_" + status)
                .body(body)
                .build();
    }

    private static JsonNode read(WebexSpec spec) {
        return JSON.readTree(OpenApiDirectory.locate().resolve(spec.fileName()).toFile());
    }
}
