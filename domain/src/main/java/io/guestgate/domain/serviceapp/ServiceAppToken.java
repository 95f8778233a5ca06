package io.guestgate.domain.serviceapp;

import io.guestgate.webex.oauth.AccessToken;
import java.time.Instant;
import java.util.Objects;

/**
 * The Service App's access token for a call, and when it expires ({@code null} while that is not known: a token
 * used as configured). {@link AccessToken#toString()} is redacted, so this record is safe in a log line.
 */
public record ServiceAppToken(AccessToken accessToken, Instant expiresAt) {

    public ServiceAppToken {
        Objects.requireNonNull(accessToken, "accessToken");
    }
}
