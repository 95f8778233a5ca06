package io.guestgate.domain.serviceapp;

import io.guestgate.platform.webex.WebexProperties;
import io.guestgate.webex.oauth.ClientCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Service App settings: the token pair as Webex issued it and the app's client credentials.
 * {@link #toString()} names the client id only.
 */
record ServiceAppCredentials(String accessToken, String refreshToken, String clientId, String clientSecret) {

    static ServiceAppCredentials from(WebexProperties.Guest guest) {
        return new ServiceAppCredentials(
                strip(guest.serviceAppToken()),
                strip(guest.serviceAppRefreshToken()),
                strip(guest.serviceAppClientId()),
                strip(guest.serviceAppClientSecret()));
    }

    /** All four are set: GuestGate keeps the token valid. Otherwise the access token is used as given. */
    boolean refreshable() {
        return accessToken != null && refreshToken != null && clientId != null && clientSecret != null;
    }

    ClientCredentials client() {
        return new ClientCredentials(clientId, clientSecret);
    }

    /**
     * Names this configured pair without revealing it: a SHA-256 over the client id and the refresh token (256
     * random bits at Webex, so the digest gives nothing away). Each configured pair is taken in once.
     */
    String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((clientId + "\n" + refreshToken).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "ServiceAppCredentials[clientId=" + clientId + ", tokens and secret redacted]";
    }
}
