package io.guestgate.guestlist;

import java.net.URI;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every part of GuestGate shares.
 *
 * @param publicBaseUrl where guests and organizers reach GuestGate, e.g. {@code https://guestgate.example.com};
 *                      links in chat and mail are built from it
 * @param redis         how keys are named in Redis
 */
@ConfigurationProperties("guestgate")
public record GuestgateProperties(URI publicBaseUrl, @DefaultValue Redis redis) {

    public GuestgateProperties {
        Objects.requireNonNull(publicBaseUrl, "Set guestgate.public-base-url, e.g. https://guestgate.example.com");
        if (!publicBaseUrl.isAbsolute() || publicBaseUrl.getHost() == null) {
            throw new IllegalArgumentException(
                    "guestgate.public-base-url must be an absolute http(s) URL, was: " + publicBaseUrl);
        }
    }

    /** The public base URL without a trailing slash, ready for appending paths. */
    public String baseUrl() {
        String url = publicBaseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** True when GuestGate is served over TLS, which turns on HSTS. */
    public boolean isHttps() {
        return "https".equalsIgnoreCase(publicBaseUrl.getScheme());
    }

    /**
     * @param keyPrefix prefix of every key GuestGate writes; lets several installations (or test runs) share one
     *                  Redis without touching each other's data
     */
    public record Redis(@DefaultValue("guestgate:") String keyPrefix) {
        public Redis {
            if (keyPrefix == null || keyPrefix.isBlank() || keyPrefix.contains("{") || keyPrefix.contains("}")) {
                throw new IllegalArgumentException(
                        "guestgate.redis.key-prefix must be non-blank and must not contain '{' or '}' "
                                + "(braces are reserved for Redis Cluster hash tags)");
            }
        }
    }
}
