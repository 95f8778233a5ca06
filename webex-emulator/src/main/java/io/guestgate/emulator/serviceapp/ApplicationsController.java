package io.guestgate.emulator.serviceapp;

import io.guestgate.emulator.auth.Caller;
import io.guestgate.emulator.support.ApiException;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/applications/{applicationId}/token}: the token pair of a Service App a Full Admin authorized, for
 * the developer's integration (a user's token; Webex asks for the {@code spark:applications_token} scope, which the
 * emulator does not track).
 */
@RestController
class ApplicationsController {

    private final ServiceAppGrants grants;

    ApplicationsController(ServiceAppGrants grants) {
        this.grants = grants;
    }

    record TokenRequest(String clientId, String clientSecret, String targetOrgId) {}

    @PostMapping("/v1/applications/{applicationId}/token")
    Map<String, Object> token(
            Caller caller, @PathVariable String applicationId, @RequestBody(required = false) TokenRequest body) {
        if (caller.kind() != Caller.Kind.PERSON) {
            throw ApiException.forbidden("Retrieving Service App tokens requires an integration token with the "
                    + "spark:applications_token scope.");
        }
        if (body == null || blank(body.clientId()) || blank(body.clientSecret()) || blank(body.targetOrgId())) {
            throw ApiException.badRequest("clientId, clientSecret and targetOrgId are required.");
        }
        return grants.forOrg(applicationId, body.clientId(), body.clientSecret(), body.targetOrgId());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
