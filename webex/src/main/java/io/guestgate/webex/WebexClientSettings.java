package io.guestgate.webex;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the client talks to and how patiently.
 *
 * @param apiBaseUrl      the REST API root, {@code https://webexapis.com/v1} in production; tests and the
 *                        sandbox point it at the emulator. {@code /authorize} and {@code /access_token}
 *                        live under it too.
 * @param connectTimeout  how long to wait for a TCP connection
 * @param responseTimeout how long to wait for a response once the request is sent
 * @param retry           retry bounds
 */
public record WebexClientSettings(
        URI apiBaseUrl, Duration connectTimeout, Duration responseTimeout, RetrySettings retry) {

    public static final URI WEBEX_API = URI.create("https://webexapis.com/v1");

    public WebexClientSettings {
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        if (!apiBaseUrl.isAbsolute()
                || apiBaseUrl.getHost() == null
                || !("https".equals(apiBaseUrl.getScheme()) || "http".equals(apiBaseUrl.getScheme()))) {
            throw new IllegalArgumentException("apiBaseUrl must be an absolute http(s) URL, was " + apiBaseUrl);
        }
        if (apiBaseUrl.getQuery() != null || apiBaseUrl.getFragment() != null) {
            throw new IllegalArgumentException("apiBaseUrl must not carry a query or fragment, was " + apiBaseUrl);
        }
        String text = apiBaseUrl.toString();
        if (text.endsWith("/")) {
            apiBaseUrl = URI.create(text.substring(0, text.length() - 1));
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(responseTimeout, "responseTimeout");
        Objects.requireNonNull(retry, "retry");
    }

    /** Production defaults: webexapis.com, 5 s to connect, 30 s for a response, {@link RetrySettings#DEFAULTS}. */
    public static WebexClientSettings defaults() {
        return new WebexClientSettings(
                WEBEX_API, Duration.ofSeconds(5), Duration.ofSeconds(30), RetrySettings.DEFAULTS);
    }

    public WebexClientSettings withApiBaseUrl(URI apiBaseUrl) {
        return new WebexClientSettings(apiBaseUrl, connectTimeout, responseTimeout, retry);
    }

    public WebexClientSettings withTimeouts(Duration connectTimeout, Duration responseTimeout) {
        return new WebexClientSettings(apiBaseUrl, connectTimeout, responseTimeout, retry);
    }

    public WebexClientSettings withRetry(RetrySettings retry) {
        return new WebexClientSettings(apiBaseUrl, connectTimeout, responseTimeout, retry);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
