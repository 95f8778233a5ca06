package io.guestgate.emulator.auth;

import java.time.Instant;
import java.util.Objects;

/** An issued bearer token. Seeded tokens never expire unless a test expires them. */
public record AccessToken(String value, Caller caller, Instant expiresAt) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    AccessToken expiredAt(Instant instant) {
        return new AccessToken(value, caller, instant);
    }
}
