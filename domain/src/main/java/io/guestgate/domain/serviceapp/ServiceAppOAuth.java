package io.guestgate.domain.serviceapp;

import reactor.core.publisher.Mono;

/** The part of Webex that keeps the Service App's token valid. */
interface ServiceAppOAuth {

    /**
     * Trades the refresh token of {@code current} for a new pair, with the Service App's own client credentials.
     * Signals {@link RefreshRejectedException} when Webex says the refresh token is no good (revoked, expired, the
     * app deauthorized); any other error means Webex could not be asked, or refused the client credentials.
     */
    Mono<ServiceAppPair> refresh(ServiceAppCredentials credentials, ServiceAppPair current);

    /** Webex refused the refresh token: only a new authorization of the Service App helps. */
    final class RefreshRejectedException extends RuntimeException {
        RefreshRejectedException(String message) {
            super(message);
        }
    }
}
