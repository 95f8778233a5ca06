package io.guestgate.webex;

import io.guestgate.webex.oauth.AccessToken;
import io.guestgate.webex.oauth.ClientCredentials;
import io.guestgate.webex.oauth.OAuthTokens;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

/**
 * Service Apps ({@code POST /applications/{applicationId}/token}, admin spec): the token pair of a Service App a
 * Full Admin authorized for an org. Its access token then expires like an integration's and is refreshed at
 * {@code /access_token} with the Service App's own client credentials ({@link OAuthApi#refresh}).
 */
public final class ApplicationsApi {

    private final WebexHttp http;

    ApplicationsApi(WebexHttp http) {
        this.http = http;
    }

    /**
     * @param integrationToken a token of the developer's integration with the {@code spark:applications_token} scope
     * @param serviceApp       the Service App's client id and secret, as the developer portal shows them
     * @param targetOrgId      the org whose admin authorized the Service App
     */
    public Mono<OAuthTokens> token(
            AccessToken integrationToken, String applicationId, ClientCredentials serviceApp, String targetOrgId) {
        Objects.requireNonNull(integrationToken, "integrationToken");
        Objects.requireNonNull(serviceApp, "serviceApp");
        if (targetOrgId == null || targetOrgId.isBlank()) {
            throw new IllegalArgumentException("targetOrgId must not be blank");
        }
        return http.sendJson(
                        HttpMethod.POST,
                        integrationToken,
                        http.uri("/applications/{p0}/token", Map.of(), applicationId),
                        new TokenRequest(serviceApp.clientId(), serviceApp.clientSecret(), targetOrgId),
                        OAuthApi.TokenResponse.class)
                .map(response -> response.toTokens("/applications/{applicationId}/token"));
    }

    /** The request body; {@link #toString()} leaves the secret out. */
    record TokenRequest(String clientId, String clientSecret, String targetOrgId) {

        @Override
        public String toString() {
            return "TokenRequest[clientId=" + clientId + ", targetOrgId=" + targetOrgId + ", clientSecret=redacted]";
        }
    }
}
