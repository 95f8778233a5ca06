package io.guestgate.emulator.guests;

import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.support.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a Guest Issuer JWT as Webex does: HS256 with the base64-DECODED issuer secret (the classic mistake is to
 * use the secret's text as the key), a seeded {@code iss}, an {@code exp} in the future, a {@code sub} of letters,
 * digits and {@code -} only, and a {@code name}.
 */
@Component
class GuestJwtVerifier {

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9-]+");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    record GuestClaims(String issuer, String subject, String name) {}

    private final EmulatorSeed seed;
    private final JsonMapper json;
    private final Clock clock;

    GuestJwtVerifier(EmulatorSeed seed, JsonMapper json, Clock clock) {
        this.seed = seed;
        this.json = json;
        this.clock = clock;
    }

    GuestClaims verify(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid("The token is not a JWT.");
        }
        Map<String, Object> header = decode(parts[0]);
        if (!"HS256".equals(header.get("alg"))) {
            throw invalid("The JWT must be signed with HS256.");
        }
        Map<String, Object> claims = decode(parts[1]);
        String iss = claims.get("iss") instanceof String s ? s : null;
        EmulatorSeed.GuestIssuer issuer = findIssuer(iss).orElseThrow(() -> invalid("Unknown guest issuer (iss)."));
        byte[] expected =
                hmacSha256(issuer.decodedSecret(), (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        byte[] actual;
        try {
            actual = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw invalid("The JWT signature is not base64url.");
        }
        if (!MessageDigest.isEqual(expected, actual)) {
            throw invalid("The JWT signature is invalid.");
        }
        if (!(claims.get("exp") instanceof Number exp)) {
            throw invalid("The JWT has no exp claim.");
        }
        if (exp.longValue() <= clock.instant().getEpochSecond()) {
            throw invalid("The JWT has expired.");
        }
        String sub = claims.get("sub") instanceof String s ? s : null;
        if (sub == null || !SUBJECT.matcher(sub).matches()) {
            throw ApiException.badRequest("The sub claim must consist of letters, digits and '-' only.");
        }
        String name = claims.get("name") instanceof String s ? s.strip() : "";
        if (name.isEmpty()) {
            throw ApiException.badRequest("The name claim is required.");
        }
        return new GuestClaims(issuer.id(), sub, name);
    }

    private Optional<EmulatorSeed.GuestIssuer> findIssuer(String iss) {
        return seed.guestIssuers().stream().filter(g -> g.id().equals(iss)).findFirst();
    }

    private Map<String, Object> decode(String part) {
        try {
            return json.readValue(Base64.getUrlDecoder().decode(part), MAP);
        } catch (IllegalArgumentException | JacksonException e) {
            throw invalid("The JWT is malformed.");
        }
    }

    private static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException invalid(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, message);
    }
}
