package io.guestgate.webex.oauth;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Builds the browser redirect to {@code GET {apiBaseUrl}/authorize} for the authorization-code flow with
 * {@code state} and PKCE S256. Obtain one from {@code webexClient.oauth().authorizeUrl()}.
 */
public final class AuthorizeUrl {

    private final URI apiBaseUrl;
    private String clientId;
    private String redirectUri;
    private List<String> scopes = List.of();
    private String state;
    private String codeChallenge;

    public AuthorizeUrl(URI apiBaseUrl) {
        this.apiBaseUrl = Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
    }

    public AuthorizeUrl clientId(String clientId) {
        this.clientId = clientId;
        return this;
    }

    public AuthorizeUrl redirectUri(String redirectUri) {
        this.redirectUri = redirectUri;
        return this;
    }

    /** Scopes, sent space-separated. */
    public AuthorizeUrl scopes(List<String> scopes) {
        this.scopes = List.copyOf(scopes);
        return this;
    }

    /** An opaque, single-use value that the callback must bring back. */
    public AuthorizeUrl state(String state) {
        this.state = state;
        return this;
    }

    public AuthorizeUrl pkce(Pkce pkce) {
        this.codeChallenge = pkce.challenge();
        return this;
    }

    /** The complete URL; fails when a required part is missing. */
    public URI build() {
        require(clientId, "clientId");
        require(redirectUri, "redirectUri");
        require(state, "state");
        require(codeChallenge, "pkce");
        if (scopes.isEmpty()) {
            throw new IllegalStateException("An authorize URL needs at least one scope");
        }
        // Values go in as URI variables so that they are strictly encoded ('+', '&', ':' and spaces included).
        Map<String, Object> values = new HashMap<>();
        values.put("clientId", clientId);
        values.put("redirectUri", redirectUri);
        values.put("scope", String.join(" ", scopes));
        values.put("state", state);
        values.put("challenge", codeChallenge);
        return UriComponentsBuilder.fromUri(apiBaseUrl)
                .path("/authorize")
                .queryParam("client_id", "{clientId}")
                .queryParam("response_type", "code")
                .queryParam("redirect_uri", "{redirectUri}")
                .queryParam("scope", "{scope}")
                .queryParam("state", "{state}")
                .queryParam("code_challenge", "{challenge}")
                .queryParam("code_challenge_method", Pkce.METHOD)
                .encode()
                .buildAndExpand(values)
                .toUri();
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("An authorize URL needs " + name);
        }
    }
}
