package io.guestgate.app.scale;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClient;

/**
 * A scripted browser: plain HTTP, no automatic redirects (each hop is the test's to take), and a cookie jar per
 * origin, so GuestGate's session cookie goes to GuestGate's public address and nowhere else.
 * <p>
 * Every request goes on a connection of its own. With keep-alive, Reactor Netty 1.3.6 (what Spring Boot 4.0.7
 * brings) now and then stops reading a connection after a response that completed on another thread, so the next
 * request on it hangs until the client gives up (reported upstream as reactor/reactor-netty#4361 and fixed on
 * its main line after 1.3.7); that is a finding
 * of its own (docs/benchmarks.md, Admission), and must not make these tests flaky.
 */
public final class Browser {

    private static final Pattern HIDDEN_INPUT = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private static final Pattern DATA_ATTRIBUTE = Pattern.compile("data-([a-z-]+)=\"([^\"]*)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newConnection().keepAlive(false).followRedirect(false)
            .option(io.netty.channel.ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000).responseTimeout(TIMEOUT);

    private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

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

    public Page postJson(String url, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        return send(HttpMethod.POST, url, all, "{}");
    }

    private Page send(HttpMethod method, String url, Map<String, String> headers, String body) {
        URI uri = URI.create(url);
        Map<String, String> jar = cookies.computeIfAbsent(origin(uri), o -> new ConcurrentHashMap<>());
        Page page = HTTP
                .headers(h -> {
                    h.set("Accept-Language", "en");
                    h.set("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
                    if (!jar.isEmpty()) {
                        h.set("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("; ")));
                    }
                    headers.forEach(h::set);
                })
                .request(method).uri(url)
                .send(body == null ? Mono.empty() : ByteBufMono.fromString(Mono.just(body)))
                .responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .map(text -> new Page(uri, response.status().code(), headerMap(response.responseHeaders()),
                                text)))
                .onErrorMap(e -> new IllegalStateException("request to " + uri.getPath() + " failed", e))
                .block(TIMEOUT.plusSeconds(5));
        page.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream()).forEach(cookie -> remember(jar, cookie));
        return page;
    }

    private static Map<String, List<String>> headerMap(io.netty.handler.codec.http.HttpHeaders headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : headers.names()) {
            map.put(name, headers.getAll(name));
        }
        return map;
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
