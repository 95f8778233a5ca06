package io.guestgate.emulator.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Every bearer token the emulator knows: seeded, OAuth-issued and guest tokens. */
@Component
public class TokenRegistry {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    TokenRegistry(Clock clock) {
        this.clock = clock;
    }

    public void registerPermanent(String token, Caller caller) {
        tokens.put(token, new AccessToken(token, caller, Instant.MAX));
    }

    public AccessToken issue(Caller caller, Duration lifetime) {
        String value = accessTokenValue();
        AccessToken token = new AccessToken(value, caller, clock.instant().plus(lifetime));
        tokens.put(value, token);
        return token;
    }

    public Optional<Caller> authenticate(String token) {
        AccessToken found = tokens.get(token);
        if (found == null || !found.isValidAt(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(found.caller());
    }

    /** Makes one token expire now; returns whether the token was known. */
    public boolean expire(String token) {
        Instant now = clock.instant();
        return tokens.computeIfPresent(token, (k, t) -> t.expiredAt(now)) != null;
    }

    /** Makes every access token of a person expire now; returns how many. */
    public int expireAllOf(String personId) {
        return expireOf(personId, true);
    }

    /** Like {@link #expireAllOf}, but the seeded tokens (the person's own Webex client) keep working. */
    public int expireIssuedOf(String personId) {
        return expireOf(personId, false);
    }

    private int expireOf(String personId, boolean seededToo) {
        Instant now = clock.instant();
        int[] count = {0};
        tokens.replaceAll((k, t) -> {
            if (t.caller().personId().equals(personId)
                    && (seededToo || !t.expiresAt().equals(Instant.MAX))) {
                count[0]++;
                return t.expiredAt(now);
            }
            return t;
        });
        return count[0];
    }

    /** 48 random bytes, in the length range of real Webex tokens' opaque part. */
    public static String randomToken() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * An access token shaped like Webex's: {@code <secret>_<cluster>_<org uuid>}. The Webex browser SDK splits a token
     * at {@code _} and expects those three parts, so the widget gets as far with an emulator token as with a real one.
     */
    static String accessTokenValue() {
        return randomToken().replace('_', 'x') + "_PF84_" + java.util.UUID.randomUUID();
    }
}
