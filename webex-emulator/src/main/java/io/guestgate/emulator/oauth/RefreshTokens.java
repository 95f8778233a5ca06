package io.guestgate.emulator.oauth;

import io.guestgate.emulator.auth.TokenRegistry;
import io.guestgate.emulator.config.EmulatorProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Refresh tokens. Each use rotates: the old token is rejected afterwards. */
@Component
public class RefreshTokens {

    record Grant(String personId, String clientId, List<String> scopes, Instant expiresAt) {}

    private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
    private final Clock clock;
    private final EmulatorProperties properties;

    RefreshTokens(Clock clock, EmulatorProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    String issue(String personId, String clientId, List<String> scopes) {
        String token = TokenRegistry.randomToken();
        tokens.put(
                token,
                new Grant(
                        personId,
                        clientId,
                        scopes,
                        clock.instant().plus(properties.oauth().refreshTokenLifetime())));
        return token;
    }

    /** Takes the token out (rotation); empty when it is unknown, revoked, expired or already used. */
    Optional<Grant> consume(String token) {
        return Optional.ofNullable(tokens.remove(token))
                .filter(g -> clock.instant().isBefore(g.expiresAt()));
    }

    /** Revokes every refresh token of a person; returns how many. */
    public int revokeAllOf(String personId) {
        int before = tokens.size();
        tokens.values().removeIf(g -> g.personId().equals(personId));
        return before - tokens.size();
    }

    /** How many live refresh tokens a person has. */
    public long countOf(String personId) {
        Instant now = clock.instant();
        return tokens.values().stream()
                .filter(g -> g.personId().equals(personId) && now.isBefore(g.expiresAt()))
                .count();
    }
}
