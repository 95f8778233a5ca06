package io.guestgate.domain.account;

import java.time.Instant;

/**
 * What {@link OrganizerTokens} answers: a usable access token, or the news that the organizer must link again.
 * Callers tell the two records apart with {@code instanceof}; a failure to reach Webex or Redis is an error signal instead, because
 * sending the organizer to log in again would not fix it.
 */
public sealed interface TokenResult {

    /** A Webex access token valid for at least the configured skew. {@link #toString()} hides the value. */
    record Token(String accessToken, Instant expiresAt) implements TokenResult {
        public Token {
            if (accessToken == null || accessToken.isBlank()) {
                throw new IllegalArgumentException("accessToken must not be blank");
            }
            if (expiresAt == null) {
                throw new IllegalArgumentException("expiresAt must not be null");
            }
        }

        @Override
        public String toString() {
            return "Token[expiresAt=" + expiresAt + "]";
        }
    }

    /** No usable link: answer the organizer with a login link ({@link LoginLinks#create}). */
    record RelinkNeeded(Reason reason) implements TokenResult {
        public RelinkNeeded {
            if (reason == null) {
                throw new IllegalArgumentException("reason must not be null");
            }
        }
    }

    enum Reason {
        /** The organizer never linked, or logged out. */
        NOT_LINKED,
        /** Webex rejected the refresh token, e.g. because the organizer revoked GuestGate's access. */
        REFRESH_REJECTED,
        /** The refresh token's own lifetime ran out. */
        REFRESH_EXPIRED,
        /** The stored tokens cannot be decrypted, e.g. their key was removed from {@code guestgate.crypto.keys}. */
        UNREADABLE
    }
}
