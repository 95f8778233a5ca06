package io.guestgate.webex.guests;

import io.guestgate.webex.oauth.AccessToken;
import java.time.Duration;
import java.util.Objects;

/**
 * A Webex access token for a guest, from either {@code POST /jwt/login} (Guest Issuer) or
 * {@code POST /guests/token} (Service App): the same shape whichever way it was minted.
 */
public record GuestToken(AccessToken accessToken, Duration expiresIn) {

    public GuestToken {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresIn, "expiresIn");
    }
}
