package io.guestgate.landing.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Mints Guest Issuer JWTs: HS256 over the base64-decoded issuer secret, with exactly {@code sub}, {@code name},
 * {@code iss} and {@code exp}, as Webex's {@code /jwt/login} expects them.
 */
final class GuestIssuerJwt {

    private final String issuerId;
    private final Algorithm algorithm;
    private final Duration lifetime;
    private final Clock clock;

    GuestIssuerJwt(String issuerId, byte[] key, Duration lifetime, Clock clock) {
        if (lifetime.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("A guest JWT lives at most 5 minutes");
        }
        this.issuerId = issuerId;
        this.algorithm = Algorithm.HMAC256(key);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    String mint(String subject, String displayName) {
        if (subject == null || !subject.matches("[A-Za-z0-9-]{1,128}")) {
            throw new IllegalArgumentException("A guest subject is letters, digits and '-'");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("A guest needs a display name");
        }
        Instant expiresAt = clock.instant().plus(lifetime);
        return JWT.create()
                .withSubject(subject)
                .withClaim("name", displayName)
                .withIssuer(issuerId)
                .withExpiresAt(expiresAt)
                .sign(algorithm);
    }
}
