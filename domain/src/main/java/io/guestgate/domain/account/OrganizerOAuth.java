package io.guestgate.domain.account;

import java.net.URI;
import reactor.core.publisher.Mono;

/** The part of Webex that account linking needs: the OAuth integration and "who is this token". */
interface OrganizerOAuth {

    /** Webex's authorize URL for this login attempt, with PKCE S256 derived from {@code codeVerifier}. */
    URI authorizeUri(String state, String codeVerifier);

    /** Trades an authorization code for tokens; errors if Webex refuses. */
    Mono<IssuedTokens> exchangeCode(String code, String codeVerifier);

    /**
     * Trades the refresh token of {@code current} for new tokens. Signals {@link RefreshRejectedException} when
     * Webex says the refresh token is no good (revoked, expired); any other error means Webex could not be asked.
     */
    Mono<IssuedTokens> refresh(IssuedTokens current);

    /** The person an access token belongs to. */
    Mono<WebexPerson> me(String accessToken);

    /**
     * The identity behind a token, as far as linking cares.
     *
     * @param timezone the time zone the person set in Webex, or null
     */
    record WebexPerson(String id, String email, String displayName, String orgId, String timezone) {
        public WebexPerson {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("Webex returned a person without an id");
            }
        }
    }

    /** Webex refused a refresh token: only a new login helps. */
    final class RefreshRejectedException extends RuntimeException {
        RefreshRejectedException(String message) {
            super(message);
        }
    }
}
