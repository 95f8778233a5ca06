package io.guestgate.webex;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.guestgate.webex.oauth.AccessToken;
import io.guestgate.webex.oauth.AuthorizeUrl;
import io.guestgate.webex.oauth.ClientCredentials;
import io.guestgate.webex.oauth.OAuthTokens;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/**
 * The OAuth 2.0 integration: the authorize URL, and {@code POST /access_token} (form-encoded) for the code
 * exchange and the refresh. Not covered by the OpenAPI specs; shaped as Webex documents it.
 */
public final class OAuthApi {

    private final WebexHttp http;

    OAuthApi(WebexHttp http) {
        this.http = http;
    }

    /** A builder for {@code GET {apiBaseUrl}/authorize?…}, the page the organizer's browser is sent to. */
    public AuthorizeUrl authorizeUrl() {
        return new AuthorizeUrl(http.apiBaseUrl());
    }

    /** {@code grant_type=authorization_code}, with the PKCE verifier that belongs to the authorize URL's challenge. */
    public Mono<OAuthTokens> exchangeCode(
            ClientCredentials client, String code, String redirectUri, String codeVerifier) {
        Objects.requireNonNull(client, "client");
        MultiValueMap<String, String> form = form("authorization_code", client);
        form.add("code", requireText(code, "code"));
        form.add("redirect_uri", requireText(redirectUri, "redirectUri"));
        form.add("code_verifier", requireText(codeVerifier, "codeVerifier"));
        return post(form);
    }

    /** {@code grant_type=refresh_token}. Webex may return a new refresh token: store it before using the access token. */
    public Mono<OAuthTokens> refresh(ClientCredentials client, String refreshToken) {
        Objects.requireNonNull(client, "client");
        MultiValueMap<String, String> form = form("refresh_token", client);
        form.add("refresh_token", requireText(refreshToken, "refreshToken"));
        return post(form);
    }

    private Mono<OAuthTokens> post(MultiValueMap<String, String> form) {
        URI uri = http.uri("/access_token", Map.of());
        return http.postForm(uri, form, TokenResponse.class).map(response -> response.toTokens("/access_token"));
    }

    private static MultiValueMap<String, String> form(String grantType, ClientCredentials client) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", grantType);
        form.add("client_id", client.clientId());
        form.add("client_secret", client.clientSecret());
        return form;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** The wire shape, snake_case as OAuth 2.0 defines it. */
    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") Long expiresIn,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("refresh_token_expires_in") Long refreshTokenExpiresIn,
            @JsonProperty("token_type") String tokenType) {

        /** @param path where the answer came from, for the error if it is not a token pair */
        OAuthTokens toTokens(String path) {
            if (accessToken == null || expiresIn == null) {
                throw WebexApiException.ofInvalidResponse(
                        200, "POST", path, "token response without access_token or expires_in", null, null);
            }
            return new OAuthTokens(
                    new AccessToken(accessToken),
                    Duration.ofSeconds(expiresIn),
                    refreshToken,
                    refreshTokenExpiresIn == null ? null : Duration.ofSeconds(refreshTokenExpiresIn),
                    tokenType);
        }

        @Override
        public String toString() {
            return "TokenResponse[redacted]";
        }
    }
}
