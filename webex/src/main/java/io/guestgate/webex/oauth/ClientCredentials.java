package io.guestgate.webex.oauth;

import java.util.Objects;

/** A Webex integration's client id and secret. {@link #toString()} hides the secret. */
public record ClientCredentials(String clientId, String clientSecret) {

    public ClientCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (clientId.isBlank() || clientSecret.isBlank()) {
            throw new IllegalArgumentException("clientId and clientSecret must not be blank");
        }
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", clientSecret=redacted]";
    }
}
