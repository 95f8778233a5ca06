package io.guestgate.platform;

import io.guestgate.platform.settings.Violation;
import io.guestgate.platform.settings.Violations;
import java.net.URI;
import java.util.List;
import java.util.Locale;
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
public record GuestgateProperties(
        URI publicBaseUrl, @DefaultValue Redis redis) {

    private static final String PUBLIC_BASE_URL = "guestgate.public-base-url";

    public GuestgateProperties {
        Violations violations = new Violations();
        if (publicBaseUrl == null) {
            violations.add(
                    PUBLIC_BASE_URL,
                    "missing; set it to where guests and Webex reach GuestGate, e.g. "
                            + "https://guestgate.example.com");
        } else {
            violations.require(
                    publicBaseUrl.isAbsolute() && publicBaseUrl.getHost() != null,
                    PUBLIC_BASE_URL,
                    "must be an absolute http(s) URL, was '" + publicBaseUrl + "'");
        }
        violations.throwIfAny();
    }

    /**
     * Production's rules on top: an http(s) URL, and https unless it is this machine (localhost, loopback
     * addresses), since guests sign in through it, and cookies and tokens cross it.
     */
    public List<Violation> productionViolations() {
        Violations violations = new Violations();
        String scheme = publicBaseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            violations.add(PUBLIC_BASE_URL, "must be an absolute http(s) URL, was '" + publicBaseUrl + "'");
        } else if (scheme.equals("http") && !isLoopback(publicBaseUrl.getHost())) {
            violations.add(
                    PUBLIC_BASE_URL,
                    "must be https (guests sign in through it, and cookies and tokens cross " + "it), was '"
                            + publicBaseUrl + "'");
        }
        return violations.list();
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
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
            boolean usable =
                    keyPrefix != null && !keyPrefix.isBlank() && !keyPrefix.contains("{") && !keyPrefix.contains("}");
            new Violations()
                    .require(
                            usable,
                            "guestgate.redis.key-prefix",
                            "must be non-blank and must not contain "
                                    + "'{' or '}' (braces are reserved for Redis Cluster hash tags)")
                    .throwIfAny();
        }
    }
}
