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

/** Authorization codes: short-lived and single-use. */
@Component
class AuthorizationCodes {

    record Grant(
            String personId,
            String clientId,
            String redirectUri,
            List<String> scopes,
            String codeChallenge,
            Instant expiresAt) {}

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Clock clock;
    private final EmulatorProperties properties;

    AuthorizationCodes(Clock clock, EmulatorProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    String issue(String personId, AuthorizeRequest request) {
        String code = TokenRegistry.randomToken();
        codes.put(
                code,
                new Grant(
                        personId,
                        request.clientId(),
                        request.redirectUri(),
                        request.scopes(),
                        request.codeChallenge(),
                        clock.instant().plus(properties.oauth().codeLifetime())));
        return code;
    }

    /** Removes the code whatever happens next, so a code can never be tried twice. */
    Optional<Grant> consume(String code) {
        return Optional.ofNullable(codes.remove(code))
                .filter(g -> clock.instant().isBefore(g.expiresAt()));
    }
}
