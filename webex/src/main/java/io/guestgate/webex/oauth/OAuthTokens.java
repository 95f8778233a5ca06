package io.guestgate.webex.oauth;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of {@code POST /access_token}, for a code exchange or a refresh. {@link #toString()} hides both
 * tokens.
 *
 * @param expiresIn             lifetime of the access token (Webex: 14 days)
 * @param refreshToken          the refresh token (Webex may rotate it on refresh: store the new one)
 * @param refreshTokenExpiresIn lifetime of the refresh token (Webex: 90 days)
 */
public record OAuthTokens(
        AccessToken accessToken,
        Duration expiresIn,
        String refreshToken,
        Duration refreshTokenExpiresIn,
        String tokenType) {

    public OAuthTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresIn, "expiresIn");
    }

    @Override
    public String toString() {
        return "OAuthTokens[accessToken=redacted, expiresIn=" + expiresIn + ", refreshToken="
                + (refreshToken == null ? null : "redacted") + ", refreshTokenExpiresIn=" + refreshTokenExpiresIn
                + ", tokenType=" + tokenType + "]";
    }
}
