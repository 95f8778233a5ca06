package io.guestgate.emulator;

import io.guestgate.webex.spec.ContractReport;
import io.guestgate.webex.spec.WebexContract;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes calls to an emulator and validates every exchange against the Webex specs: the response always, the
 * request too (so the responses checked are answers to spec-conformant requests). Failures are collected and
 * reported together.
 */
public final class ContractRecorder {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Call(String method, String path, int status, JsonNode body, HttpHeaders headers) {
        public String text(String field) {
            return body.get(field).asString();
        }
    }

    private final WebTestClient client;
    private final List<String> failures = new ArrayList<>();
    private final Map<String, List<Integer>> statusesByOperation = new LinkedHashMap<>();

    public ContractRecorder(WebexEmulator webex) {
        this.client = WebTestClient.bindToServer()
                .baseUrl(webex.baseUrl())
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }

    public Call get(String token, String uri) {
        return call(HttpMethod.GET, token, uri, null, true, true);
    }

    public Call delete(String token, String uri) {
        return call(HttpMethod.DELETE, token, uri, null, true, true);
    }

    public Call post(String token, String uri, Object body) {
        return call(HttpMethod.POST, token, uri, body, true, true);
    }

    public Call put(String token, String uri, Object body) {
        return call(HttpMethod.PUT, token, uri, body, true, true);
    }

    /** For a request that is deliberately outside the spec (to provoke an error answer): only the answer is checked. */
    public Call callUnchecked(HttpMethod method, String token, String uri, Object body) {
        return call(method, token, uri, body, false, true);
    }

    /**
     * For an answer the spec describes only in prose, such as the 302 of {@code POST /meetings/join} with
     * {@code joinDirectly} (its responses declare 200 alone): the request is validated, the answer is the caller's to
     * check.
     */
    public Call postCheckingRequestOnly(String token, String uri, Object body) {
        return call(HttpMethod.POST, token, uri, body, true, false);
    }

    /**
     * Validates a body that did not come as an HTTP answer, as if it had: e.g. a webhook's {@code data}, which Webex
     * defines as the object {@code GET} on that path answers.
     */
    public void checkAsAnswer(String method, String path, int status, String jsonBody) {
        record(WebexContract.validateResponse(
                method,
                path,
                status,
                Map.of(HttpHeaders.CONTENT_TYPE, List.of(MediaType.APPLICATION_JSON_VALUE)),
                jsonBody));
    }

    private Call call(
            HttpMethod method, String token, String uri, Object body, boolean checkRequest, boolean checkResponse) {
        WebTestClient.RequestBodySpec spec = client.method(method).uri(uri);
        if (token != null) {
            spec.headers(h -> h.setBearerAuth(token));
        }
        WebTestClient.RequestHeadersSpec<?> ready = body == null
                ? spec
                : spec.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body instanceof String s ? s : JSON.writeValueAsString(body));
        EntityExchangeResult<byte[]> result = ready.exchange().expectBody().returnResult();

        UriComponents url = UriComponentsBuilder.fromUri(result.getUrl()).build();
        String path = url.getPath();
        Map<String, List<String>> query = new LinkedHashMap<>();
        url.getQueryParams()
                .forEach((k, v) -> query.put(
                        k,
                        v.stream()
                                .map(x -> x == null ? "" : java.net.URLDecoder.decode(x, StandardCharsets.UTF_8))
                                .toList()));
        int status = result.getStatus().value();
        String responseBody = result.getResponseBodyContent() == null
                ? null
                : new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);

        if (checkRequest) {
            String requestBody = result.getRequestBodyContent() == null
                    ? null
                    : new String(result.getRequestBodyContent(), StandardCharsets.UTF_8);
            record(WebexContract.validateRequest(
                    method.name(), path, query, map(result.getRequestHeaders()), requestBody));
        }
        if (checkResponse) {
            record(WebexContract.validateResponse(
                    method.name(), path, status, map(result.getResponseHeaders()), responseBody));
        }
        checkErrorShape(method, path, status, responseBody, result.getResponseHeaders());
        statusesByOperation
                .computeIfAbsent(method.name() + " " + path, k -> new ArrayList<>())
                .add(status);

        JsonNode json = responseBody == null || responseBody.isBlank() ? JSON.nullNode() : JSON.readTree(responseBody);
        return new Call(method.name(), path, status, json, result.getResponseHeaders());
    }

    private static Map<String, List<String>> map(HttpHeaders headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        headers.forEach(map::put);
        return map;
    }

    /** The specs declare most error bodies without content; Webex's shape is checked here instead. */
    private void checkErrorShape(HttpMethod method, String path, int status, String body, HttpHeaders headers) {
        if (status < 400) {
            return;
        }
        String subject = "error " + status + " to " + method + " " + path;
        try {
            JsonNode json = JSON.readTree(body);
            boolean ok = json.path("message").isString()
                    && json.path("trackingId").isString()
                    && json.path("errors").isArray()
                    && json.path("errors").size() > 0
                    && json.path("errors").get(0).path("description").isString();
            if (!ok) {
                failures.add(subject + ": body is not {message, errors:[{description}], trackingId}: " + body);
            }
            if (!json.path("trackingId").asString("").equals(headers.getFirst("TrackingID"))) {
                failures.add(subject + ": TrackingID header differs from the body's trackingId");
            }
        } catch (RuntimeException e) {
            failures.add(subject + ": body is not JSON: " + body);
        }
    }

    private void record(ContractReport report) {
        if (report.hasErrors()) {
            failures.add(report.describe());
        }
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public Map<String, List<Integer>> statusesByOperation() {
        return Map.copyOf(statusesByOperation);
    }
}
