package io.guestgate.domain.serviceapp;

import io.guestgate.webex.oauth.AccessToken;
import java.time.Duration;
import java.time.Instant;

/**
 * The Service App's access and refresh token with what is known of their lives: a configured pair has no known
 * expiry until its first refresh. {@link #toString()} leaves the tokens out.
 */
record ServiceAppPair(
        String accessToken,
        Instant accessIssuedAt,
        Instant accessExpiresAt,
        String refreshToken,
        Instant refreshExpiresAt) {

    ServiceAppPair {
        if (accessToken == null || accessToken.isBlank() || refreshToken == null || refreshToken.isBlank()) {
            throw new IllegalArgumentException("a Service App pair needs both tokens");
        }
    }

    static ServiceAppPair configured(ServiceAppCredentials credentials) {
        return new ServiceAppPair(credentials.accessToken(), null, null, credentials.refreshToken(), null);
    }

    /** Known to be past its expiry; a token of unknown life counts as valid until Webex says otherwise. */
    boolean accessExpiredAt(Instant now) {
        return accessExpiresAt != null && !now.isBefore(accessExpiresAt);
    }

    boolean refreshExpiredAt(Instant now) {
        return refreshExpiresAt != null && !now.isBefore(refreshExpiresAt);
    }

    /**
     * When to refresh: {@code before} ahead of the expiry, or at half the token's life if that comes later (a token
     * that lives an hour is refreshed after 30 minutes, one that lives 14 days a day ahead). Unknown: now.
     */
    Instant refreshAt(Duration before) {
        if (accessExpiresAt == null) {
            return Instant.MIN;
        }
        Duration ahead = before;
        if (accessIssuedAt != null) {
            Duration half = Duration.between(accessIssuedAt, accessExpiresAt).dividedBy(2);
            ahead = half.compareTo(before) < 0 ? half : before;
        }
        return accessExpiresAt.minus(ahead);
    }

    ServiceAppToken token() {
        return new ServiceAppToken(AccessToken.of(accessToken), accessExpiresAt);
    }

    @Override
    public String toString() {
        return "ServiceAppPair[accessIssuedAt=" + accessIssuedAt + ", accessExpiresAt=" + accessExpiresAt
                + ", refreshExpiresAt=" + refreshExpiresAt + ", tokens redacted]";
    }
}
