package io.guestgate.domain.serviceapp;

import java.time.Duration;
import java.time.Instant;

/**
 * What is known of the Service App's token, for health: whether GuestGate keeps it valid, its and its refresh
 * token's expiry ({@code null}: not known), and what is wrong, if anything.
 *
 * @param refreshed        GuestGate refreshes the token (the refresh settings are there)
 * @param problem          what stops guests from getting tokens, now or soon, and what to do; {@code null} if nothing
 */
public record ServiceAppStatus(
        boolean refreshed, Instant expiresAt, Instant refreshTokenExpiresAt, boolean usable, String problem) {

    /** The access token's remaining life at {@code now}; {@code null} if its expiry is not known. */
    public Duration remainingAt(Instant now) {
        return expiresAt == null ? null : max0(Duration.between(now, expiresAt));
    }

    public Duration refreshTokenRemainingAt(Instant now) {
        return refreshTokenExpiresAt == null ? null : max0(Duration.between(now, refreshTokenExpiresAt));
    }

    private static Duration max0(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
