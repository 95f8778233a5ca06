package io.guestgate.domain.account;

import java.time.Instant;
import java.util.Objects;

/**
 * One pending login: who asked for it in chat, and the PKCE verifier that only this server knows.
 * {@link #toString()} hides the verifier.
 */
record LinkState(String personId, String codeVerifier, Instant expiresAt) {

    LinkState {
        PersonIds.require(personId);
        if (codeVerifier == null || codeVerifier.length() < 43 || codeVerifier.length() > 128) {
            throw new IllegalArgumentException("a PKCE code verifier has 43 to 128 characters (RFC 7636)");
        }
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "LinkState[personId=" + personId + ", expiresAt=" + expiresAt + "]";
    }
}
