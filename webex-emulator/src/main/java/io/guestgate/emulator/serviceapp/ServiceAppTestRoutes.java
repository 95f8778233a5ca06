package io.guestgate.emulator.serviceapp;

import io.guestgate.emulator.support.ApiException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Test routes for the Service App: an admin authorizing it, the lifetimes of its next tokens, what was issued. */
@RestController
class ServiceAppTestRoutes {

    private final ServiceAppGrants grants;

    ServiceAppTestRoutes(ServiceAppGrants grants) {
        this.grants = grants;
    }

    /** A Full Admin authorizes the app in Control Hub: answers the new pair, as the developer portal shows it. */
    @PostMapping("/_emulator/service-app/authorize")
    Map<String, Object> authorize() {
        return grants.authorize();
    }

    /** Body {@code {"lifetimes": ["PT10S", "PT1H"]}}: the next access tokens live that long, one each. */
    @PostMapping("/_emulator/service-app/token-lifetimes")
    Map<String, Object> lifetimes(@RequestBody Map<String, List<String>> body) {
        List<String> given = body == null ? null : body.get("lifetimes");
        if (given == null || given.isEmpty()) {
            throw ApiException.badRequest("Give lifetimes, e.g. {\"lifetimes\": [\"PT10S\"]}.");
        }
        try {
            grants.queueLifetimes(given.stream().map(Duration::parse).toList());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Lifetimes are ISO-8601 durations, e.g. PT10S.");
        }
        return Map.of("queued", given.size());
    }

    /** Revokes the app's refresh tokens: the next refresh with any of them is refused (400). */
    @PostMapping("/_emulator/service-app/revoke-refresh")
    Map<String, Integer> revokeRefresh() {
        return Map.of("revoked", grants.revokeRefreshTokens());
    }

    /** Every pair issued so far: when, by which grant, until when. Never the token values. */
    @GetMapping("/_emulator/service-app/tokens")
    List<ServiceAppGrants.Issued> issued() {
        return grants.issued();
    }
}
