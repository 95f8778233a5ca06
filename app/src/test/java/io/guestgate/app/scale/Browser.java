package io.guestgate.app.scale;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A scripted browser: plain HTTP, no automatic redirects (each hop is the test's to take), and a cookie jar per
 * origin, so GuestGate's session cookie goes to GuestGate's public address and nowhere else.
 */
public final class Browser {

    private static final Pattern HIDDEN_INPUT = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private static final Pattern DATA_ATTRIBUTE = Pattern.compile("data-([a-z-]+)=\"([^\"]*)\"");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

    public Page get(String url) {
        return send(request(url).GET().build());
    }

    public Page postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Page postJson(String url, Map<String, String> headers) {
        HttpRequest.Builder builder = request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept-Language", "en")
                .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
        Map<String, String> jar = cookies.get(origin(URI.create(url)));
        if (jar != null && !jar.isEmpty()) {
            builder.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> jar = cookies.computeIfAbsent(origin(request.uri()), o -> new ConcurrentHashMap<>());
            response.headers().allValues("Set-Cookie").forEach(cookie -> remember(jar, cookie));
            return new Page(request.uri(), response.statusCode(), response.headers().map(), response.body());
        }
        catch (IOException e) {
            throw new IllegalStateException("request to " + request.uri().getPath() + " failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String origin(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }

    private static void remember(Map<String, String> jar, String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals).strip();
        String value = pair.substring(equals + 1).strip();
        if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
            jar.remove(name);
        }
        else {
            jar.put(name, value);
        }
    }

    /** One response, as the browser got it. */
    public record Page(URI uri, int status, Map<String, List<String>> headers, String body) {

        public boolean isRedirect() {
            return status >= 300 && status < 400;
        }

        /** The redirect target, made absolute against this page's address. */
        public String location() {
            String location = header("Location");
            if (location == null) {
                throw new AssertionError("no Location on " + status + " from " + uri.getPath());
            }
            return uri.resolve(location).toString();
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public Map<String, String> hiddenFields() {
            return matches(HIDDEN_INPUT);
        }

        public Map<String, String> dataAttributes() {
            return matches(DATA_ATTRIBUTE);
        }

        private Map<String, String> matches(Pattern pattern) {
            Map<String, String> found = new LinkedHashMap<>();
            Matcher matcher = pattern.matcher(body);
            while (matcher.find()) {
                found.putIfAbsent(matcher.group(1), unescape(matcher.group(2)));
            }
            return found;
        }

        private static String unescape(String html) {
            return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&amp;", "&");
        }

        @Override
        public String toString() {
            return status + " " + uri.getPath();
        }
    }
}
