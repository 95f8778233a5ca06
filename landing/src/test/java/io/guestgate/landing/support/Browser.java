package io.guestgate.landing.support;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClient;

/**
 * A scripted browser: plain HTTP, no automatic redirects (each hop is the test's to take, so a test walks every hop
 * of the OIDC login itself and can look at each one), and cookies kept per origin, as a browser does. GuestGate's
 * origins share one jar: instances behind one public host (a load balancer, the A/B test) get the same cookies.
 * <p>
 * Connections are kept alive and reused, as browsers do. That found a hang in Reactor Netty 1.3.6: after a response
 * that completed on another thread, the server could stop reading the connection, and the next request waited until
 * the client gave up (reactor/reactor-netty#4361); the build now takes 1.3.8, which has the fix (root pom).
 */
public final class Browser {

    private static final Pattern HIDDEN_INPUT =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private static final Pattern DATA_ATTRIBUTE = Pattern.compile("data-([a-z-]+)=\"([^\"]*)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.create()
            .followRedirect(false)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
            .responseTimeout(TIMEOUT);
    private static final String APP = "app";

    private final List<String> appOrigins;
    private final Map<String, Map<String, String>> jars = new ConcurrentHashMap<>();
    private volatile String language = "en";
    private final Map<String, String> extraHeaders = new ConcurrentHashMap<>();

    /** @param appOrigins e.g. {@code http://localhost:8080}: GuestGate's addresses, which share one cookie jar */
    public Browser(String... appOrigins) {
        this.appOrigins = List.of(appOrigins);
    }

    public Browser language(String acceptLanguage) {
        this.language = acceptLanguage;
        return this;
    }

    /**
     * Sends {@code name: value} with every request from now on, e.g. the {@code X-Forwarded-For} a proxy in front of
     * GuestGate would add.
     */
    public Browser header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public Page get(String url) {
        return send(HttpMethod.GET, url, Map.of(), null);
    }

    public Page postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpMethod.POST, url, Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
    }

    /** A POST of {@code {}} as JSON, as the meeting page's script sends it, with {@code headers} added. */
    public Page post(String url, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        return send(HttpMethod.POST, url, all, "{}");
    }

    /** The page {@code url} leads to, following redirects by hand (at most 10). */
    public Page follow(String url) {
        Page page = get(url);
        for (int hops = 0; page.isRedirect() && hops < 10; hops++) {
            page = get(page.location());
        }
        return page;
    }

    /** GuestGate's cookies. */
    public Map<String, String> cookies() {
        return Map.copyOf(jars.getOrDefault(APP, Map.of()));
    }

    private Page send(HttpMethod method, String url, Map<String, String> headers, String body) {
        URI uri = URI.create(url);
        Map<String, String> jar = jars.computeIfAbsent(jarOf(url, uri), o -> new ConcurrentHashMap<>());
        Page page = HTTP.headers(h -> {
                    h.set("Accept-Language", language);
                    h.set("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
                    if (!jar.isEmpty()) {
                        h.set(
                                "Cookie",
                                jar.entrySet().stream()
                                        .map(e -> e.getKey() + "=" + e.getValue())
                                        .collect(Collectors.joining("; ")));
                    }
                    extraHeaders.forEach(h::set);
                    headers.forEach(h::set);
                })
                .request(method)
                .uri(url)
                .send(body == null ? Mono.empty() : ByteBufMono.fromString(Mono.just(body)))
                .responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .map(text ->
                                new Page(uri, response.status().code(), headerMap(response.responseHeaders()), text)))
                .onErrorMap(e -> new IllegalStateException("request to " + uri.getPath() + " failed", e))
                .block(TIMEOUT.plusSeconds(5));
        page.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream())
                .forEach(cookie -> remember(jar, cookie));
        return page;
    }

    private String jarOf(String url, URI uri) {
        return appOrigins.stream().anyMatch(url::startsWith) ? APP : uri.getHost() + ":" + uri.getPort();
    }

    private static Map<String, List<String>> headerMap(HttpHeaders headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : headers.names()) {
            map.put(name, headers.getAll(name));
        }
        return map;
    }

    private static void remember(Map<String, String> jar, String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals).strip();
        String value = pair.substring(equals + 1).strip();
        if (value.isEmpty() || setCookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
            jar.remove(name);
        } else {
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
            return uri.resolve(header("Location")
                            .orElseThrow(
                                    () -> new AssertionError("no Location on " + status + " from " + uri.getPath())))
                    .toString();
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        /** The hidden form fields of the page (e.g. the CSRF token). */
        public Map<String, String> hiddenFields() {
            return matches(HIDDEN_INPUT);
        }

        /** The {@code data-*} attributes on the page, by name without {@code data-}. */
        public Map<String, String> dataAttributes() {
            return matches(DATA_ATTRIBUTE);
        }

        /** The query parameters of the redirect target. */
        public Map<String, String> locationQuery() {
            Map<String, String> query = new LinkedHashMap<>();
            String raw = URI.create(location()).getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    int equals = pair.indexOf('=');
                    query.put(
                            pair.substring(0, equals),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            return query;
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
            return html.replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&");
        }

        @Override
        public String toString() {
            return status + " " + uri.getPath();
        }
    }
}
