package io.guestgate.emulator.guests;

import io.guestgate.emulator.auth.Caller;
import io.guestgate.emulator.config.EmulatorProperties;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.support.ApiException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The two ways to get a guest token: a Guest Issuer JWT at /jwt/login, or a Service App at /guests/token. */
@RestController
class GuestTokenController {

    private final GuestJwtVerifier verifier;
    private final Guests guests;
    private final EmulatorProperties.Guests lifetimes;
    private final String serviceAppId;

    GuestTokenController(GuestJwtVerifier verifier, Guests guests, EmulatorProperties properties, EmulatorSeed seed) {
        this.verifier = verifier;
        this.guests = guests;
        this.lifetimes = properties.guests();
        this.serviceAppId = seed.serviceApp() == null ? null : seed.serviceApp().id();
    }

    @PostMapping("/v1/jwt/login")
    Map<String, Object> jwtLogin(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(
                    HttpStatus.UNAUTHORIZED, "A guest JWT is required as 'Authorization: Bearer <jwt>'.");
        }
        GuestJwtVerifier.GuestClaims claims =
                verifier.verify(authorization.substring(7).trim());
        Duration lifetime = lifetimes.jwtLoginTokenLifetime();
        Guests.Issued issued = guests.issue(claims.issuer(), claims.subject(), claims.name(), lifetime);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", issued.token().value());
        body.put("expiresIn", lifetime.toSeconds());
        return body;
    }

    record CreateGuest(String subject, String displayName) {}

    @PostMapping("/v1/guests/token")
    Map<String, Object> serviceAppGuest(Caller caller, @RequestBody(required = false) CreateGuest body) {
        if (caller.kind() != Caller.Kind.SERVICE_APP) {
            throw ApiException.forbidden(
                    "Creating guests requires a Service App token with the guest-issuer:write scope.");
        }
        if (body == null || blank(body.subject()) || blank(body.displayName())) {
            throw ApiException.badRequest("subject and displayName are required.");
        }
        Duration lifetime = lifetimes.serviceAppTokenLifetime();
        Guests.Issued issued =
                guests.issue(serviceAppId, body.subject(), body.displayName().strip(), lifetime);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", issued.guest().id());
        answer.put("subject", body.subject());
        answer.put("displayName", issued.guest().displayName());
        answer.put("email", issued.guest().email());
        answer.put("accessToken", issued.token().value());
        answer.put("expiresIn", lifetime.toSeconds());
        return answer;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
