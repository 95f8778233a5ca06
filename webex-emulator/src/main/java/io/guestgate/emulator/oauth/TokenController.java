package io.guestgate.emulator.oauth;

import io.guestgate.emulator.auth.AccessToken;
import io.guestgate.emulator.auth.Caller;
import io.guestgate.emulator.auth.TokenRegistry;
import io.guestgate.emulator.config.EmulatorProperties;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.journal.RequestJournal;
import io.guestgate.emulator.serviceapp.ServiceAppGrants;
import io.guestgate.emulator.support.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/access_token}: the authorization_code and refresh_token grants, with PKCE S256 and rotation. The
 * Service App refreshes here too, with its own client id and secret; its pairs are {@link ServiceAppGrants}'.
 */
@RestController
class TokenController {

    private static final Set<String> GRANTS = Set.of("authorization_code", "refresh_token");

    private final EmulatorSeed.Integration integration;
    private final AuthorizationCodes codes;
    private final RefreshTokens refreshTokens;
    private final TokenRegistry tokens;
    private final EmulatorProperties.OAuth lifetimes;
    private final ServiceAppGrants serviceApp;

    TokenController(
            EmulatorSeed seed,
            AuthorizationCodes codes,
            RefreshTokens refreshTokens,
            TokenRegistry tokens,
            EmulatorProperties properties,
            ServiceAppGrants serviceApp) {
        this.integration = seed.integration();
        this.codes = codes;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.lifetimes = properties.oauth();
        this.serviceApp = serviceApp;
    }

    @PostMapping(value = "/v1/access_token", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> token(ServerWebExchange exchange) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            return Mono.error(new ApiException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "The token request must be sent as application/x-www-form-urlencoded."));
        }
        return exchange.getFormData().map(form -> {
            String grant = form.getFirst("grant_type");
            exchange.getAttributes()
                    .put(
                            RequestJournal.GRANT_ATTRIBUTE,
                            grant == null ? "missing" : GRANTS.contains(grant) ? grant : "unsupported");
            Client client = authenticateClient(exchange, form);
            if (client.serviceApp()) {
                if ("refresh_token".equals(grant)) {
                    return serviceApp.refresh(required(form, "refresh_token"));
                }
                throw ApiException.badRequest(
                        "unsupported_grant_type: a Service App refreshes its tokens here; its pairs "
                                + "come from an admin's authorization.");
            }
            String clientId = client.id();
            if ("authorization_code".equals(grant)) {
                return fromCode(form, clientId);
            }
            if ("refresh_token".equals(grant)) {
                return fromRefreshToken(form, clientId);
            }
            throw ApiException.badRequest(
                    "unsupported_grant_type: grant_type must be authorization_code or refresh_token.");
        });
    }

    private Map<String, Object> fromCode(MultiValueMap<String, String> form, String clientId) {
        String code = required(form, "code");
        AuthorizationCodes.Grant grant = codes.consume(code)
                .orElseThrow(() -> ApiException.badRequest(
                        "invalid_grant: the authorization code is invalid, expired or was already used."));
        if (!grant.clientId().equals(clientId)) {
            throw ApiException.badRequest("invalid_grant: the code was issued to another client.");
        }
        if (!grant.redirectUri().equals(form.getFirst("redirect_uri"))) {
            throw ApiException.badRequest("invalid_grant: redirect_uri does not match the one used to get the code.");
        }
        if (grant.codeChallenge() != null) {
            String verifier = form.getFirst("code_verifier");
            if (verifier == null
                    || !MessageDigest.isEqual(
                            s256(verifier).getBytes(StandardCharsets.US_ASCII),
                            grant.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
                throw ApiException.badRequest("invalid_grant: code_verifier does not match the code_challenge.");
            }
        }
        return issue(grant.personId(), grant.clientId(), grant.scopes());
    }

    private Map<String, Object> fromRefreshToken(MultiValueMap<String, String> form, String clientId) {
        String token = required(form, "refresh_token");
        RefreshTokens.Grant grant = refreshTokens
                .consume(token)
                .orElseThrow(() ->
                        ApiException.badRequest("invalid_grant: the refresh token is invalid, expired or revoked."));
        if (!grant.clientId().equals(clientId)) {
            throw ApiException.badRequest("invalid_grant: the refresh token was issued to another client.");
        }
        return issue(grant.personId(), grant.clientId(), grant.scopes());
    }

    private Map<String, Object> issue(String personId, String clientId, List<String> scopes) {
        AccessToken access = tokens.issue(new Caller(personId, Caller.Kind.PERSON), lifetimes.accessTokenLifetime());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access.value());
        body.put("expires_in", lifetimes.accessTokenLifetime().toSeconds());
        body.put("refresh_token", refreshTokens.issue(personId, clientId, scopes));
        body.put("refresh_token_expires_in", lifetimes.refreshTokenLifetime().toSeconds());
        body.put("token_type", "Bearer");
        return body;
    }

    /** Who authenticated at the token endpoint: the integration, or the Service App with its own credentials. */
    private record Client(String id, boolean serviceApp) {}

    /** Client credentials come in the form or as HTTP Basic; they must match the integration or the Service App. */
    private Client authenticateClient(ServerWebExchange exchange, MultiValueMap<String, String> form) {
        String id = form.getFirst("client_id");
        String secret = form.getFirst("client_secret");
        String basic = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded =
                        new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = "";
            }
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                id = decoded.substring(0, colon);
                secret = decoded.substring(colon + 1);
            }
        }
        boolean ok = integration.clientId().equals(id)
                && secret != null
                && MessageDigest.isEqual(
                        secret.getBytes(StandardCharsets.UTF_8),
                        integration.clientSecret().getBytes(StandardCharsets.UTF_8));
        if (ok) {
            return new Client(id, false);
        }
        if (serviceApp.isClient(id, secret)) {
            return new Client(id, true);
        }
        throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_client: unknown client_id or wrong client_secret.");
    }

    private static String required(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("invalid_request: " + name + " is required.");
        }
        return value;
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
