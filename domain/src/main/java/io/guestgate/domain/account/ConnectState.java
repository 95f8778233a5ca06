package io.guestgate.domain.account;

import java.time.Instant;
import java.util.Objects;

/**
 * One pending login: who asked for it in chat, and the PKCE verifier that only this server knows.
 * {@link #toString()} hides the verifier.
 */
record ConnectState(String personId, String codeVerifier, Instant expiresAt) {

    ConnectState {
        PersonIds.require(personId);
        if (codeVerifier == null || codeVerifier.length() < 43 || codeVerifier.length() > 128) {
            throw new IllegalArgumentException("a PKCE code verifier has 43 to 128 characters (RFC 7636)");
        }
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "ConnectState[personId=" + personId + ", expiresAt=" + expiresAt + "]";
    }
}
