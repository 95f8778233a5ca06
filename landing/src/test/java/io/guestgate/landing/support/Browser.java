package io.guestgate.landing.support;

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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A scripted browser: plain HTTP with a cookie jar for GuestGate's origins and no automatic redirects, so a test
 * walks every hop of the OIDC login itself and can look at each one. Instances behind one public host (the A/B test)
 * share the jar, as a load balancer would make them.
 */
public final class Browser {

    private static final Pattern HIDDEN_INPUT = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"");
    private static final Pattern DATA_ATTRIBUTE = Pattern.compile("data-([a-z-]+)=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final List<String> appOrigins;
    private String language = "en";

    /** @param appOrigins e.g. {@code http://localhost:8080}: where GuestGate's cookies are sent */
    public Browser(String... appOrigins) {
        this.appOrigins = List.of(appOrigins);
    }

    public Browser language(String acceptLanguage) {
        this.language = acceptLanguage;
        return this;
    }

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

    public Page post(String url, Map<String, String> headers) {
        HttpRequest.Builder builder = request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    /** The page {@code url} leads to, following redirects by hand (at most 10). */
    public Page follow(String url) {
        Page page = get(url);
        for (int hops = 0; page.isRedirect() && hops < 10; hops++) {
            page = get(page.location());
        }
        return page;
    }

    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Accept-Language", language)
                .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
        if (isApp(url) && !cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (isApp(request.uri().toString())) {
                response.headers().allValues("Set-Cookie").forEach(this::remember);
            }
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

    private boolean isApp(String url) {
        return appOrigins.stream().anyMatch(url::startsWith);
    }

    private void remember(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals).strip();
        String value = pair.substring(equals + 1).strip();
        if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
            cookies.remove(name);
        }
        else {
            cookies.put(name, value);
        }
    }

    /** One response, as the browser got it. */
    public record Page(URI uri, int status, Map<String, List<String>> headers, String body) {

        public boolean isRedirect() {
            return status >= 300 && status < 400;
        }

        /** The redirect target, made absolute against this page's address. */
        public String location() {
            return uri.resolve(header("Location").orElseThrow(() -> new AssertionError(
                    "no Location on " + status + " from " + uri.getPath()))).toString();
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        /** The hidden form fields of the page (e.g. the CSRF token). */
        public Map<String, String> hiddenFields() {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher matcher = HIDDEN_INPUT.matcher(body);
            while (matcher.find()) {
                fields.put(matcher.group(1), unescape(matcher.group(2)));
            }
            return fields;
        }

        /** The {@code data-*} attributes on the page, by name without {@code data-}. */
        public Map<String, String> dataAttributes() {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher matcher = DATA_ATTRIBUTE.matcher(body);
            while (matcher.find()) {
                attributes.putIfAbsent(matcher.group(1), unescape(matcher.group(2)));
            }
            return attributes;
        }

        /** The query parameters of the redirect target. */
        public Map<String, String> locationQuery() {
            Map<String, String> query = new LinkedHashMap<>();
            String raw = URI.create(location()).getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    int equals = pair.indexOf('=');
                    query.put(pair.substring(0, equals),
                            java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            return query;
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
