package io.guestgate.landing.token;

import io.guestgate.webex.oauth.AccessToken;
import java.time.Instant;
import java.util.Objects;

/**
 * A Webex access token for one admitted guest, and when it stops working. {@link AccessToken#toString()} is
 * redacted, so this record is safe to log by accident.
 */
public record GuestAccess(AccessToken accessToken, Instant expiresAt) {

    public GuestAccess {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
