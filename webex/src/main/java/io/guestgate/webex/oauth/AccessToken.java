package io.guestgate.webex.oauth;

import java.util.Objects;

/**
 * A bearer token for one Webex call: an organizer's, the bot's, a Service App's, or a guest JWT. Every
 * client method takes one explicitly, so no call can silently act as the wrong identity.
 * {@link #toString()} never reveals the value, so a token that ends up in a log line stays secret.
 */
public record AccessToken(String value) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("An access token must not be blank");
        }
        if (value.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("An access token must not contain whitespace or control characters");
        }
    }

    public static AccessToken of(String value) {
        return new AccessToken(value);
    }

    /** The value of an {@code Authorization} header. */
    public String bearer() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "AccessToken[redacted]";
    }
}
