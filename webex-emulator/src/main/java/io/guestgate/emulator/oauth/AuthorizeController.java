package io.guestgate.emulator.oauth;

import io.guestgate.emulator.auth.TokenRegistry;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.people.Directory;
import io.guestgate.emulator.support.ApiException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The browser half of OAuth. A client or redirect URI the integration does not know is refused without a redirect
 * (RFC 6749 §4.1.2.1); other problems go back to the client as {@code error=…}. With someone signed in the answer is
 * an immediate redirect with {@code code} and {@code state}; otherwise a consent page lists the seeded people.
 */
@RestController
class AuthorizeController {

    private final EmulatorSeed.Integration integration;
    private final AuthorizationCodes codes;
    private final SignIn signIn;
    private final Directory directory;
    private final ConsentPage consentPage;
    private final Map<String, AuthorizeRequest> awaitingConsent = new ConcurrentHashMap<>();

    AuthorizeController(
            EmulatorSeed seed, AuthorizationCodes codes, SignIn signIn, Directory directory, ConsentPage consentPage) {
        this.integration = seed.integration();
        this.codes = codes;
        this.signIn = signIn;
        this.directory = directory;
        this.consentPage = consentPage;
    }

    @GetMapping("/v1/authorize")
    ResponseEntity<String> authorize(@RequestParam MultiValueMap<String, String> params) {
        String clientId = params.getFirst("client_id");
        String redirectUri = params.getFirst("redirect_uri");
        if (clientId == null || !clientId.equals(integration.clientId())) {
            throw ApiException.badRequest("Invalid client_id.");
        }
        if (redirectUri == null || !integration.redirectUris().contains(redirectUri)) {
            throw ApiException.badRequest(
                    "redirect_uri does not match any redirect URI registered for the integration.");
        }
        String state = params.getFirst("state");
        if (!"code".equals(params.getFirst("response_type"))) {
            return errorRedirect(redirectUri, "unsupported_response_type", state);
        }
        List<String> scopes = parseScopes(params.getFirst("scope"));
        if (scopes.isEmpty() || !integration.scopes().containsAll(scopes)) {
            return errorRedirect(redirectUri, "invalid_scope", state);
        }
        String challenge = params.getFirst("code_challenge");
        String method = params.getFirst("code_challenge_method");
        if (challenge != null && !"S256".equals(method)) {
            return errorRedirect(redirectUri, "invalid_request", state);
        }
        if (challenge == null && method != null) {
            return errorRedirect(redirectUri, "invalid_request", state);
        }
        AuthorizeRequest request = new AuthorizeRequest(clientId, redirectUri, scopes, state, challenge);
        return signIn.current().map(personId -> codeRedirect(personId, request)).orElseGet(() -> showConsent(request));
    }

    @PostMapping(value = "/_emulator/authorize/consent", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<String>> consent(ServerWebExchange exchange) {
        return exchange.getFormData().map(form -> {
            AuthorizeRequest request = awaitingConsent.remove(String.valueOf(form.getFirst("request")));
            if (request == null) {
                throw ApiException.badRequest("This sign-in has expired or was already used. Start again.");
            }
            if (form.containsKey("deny")) {
                return errorRedirect(request.redirectUri(), "access_denied", request.state());
            }
            String personId = form.getFirst("personId");
            if (!directory.isSeededUser(personId)) {
                throw ApiException.badRequest("Unknown person.");
            }
            return codeRedirect(personId, request);
        });
    }

    private ResponseEntity<String> showConsent(AuthorizeRequest request) {
        String requestId = TokenRegistry.randomToken();
        awaitingConsent.put(requestId, request);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store")
                .body(consentPage.render(requestId, request));
    }

    private ResponseEntity<String> codeRedirect(String personId, AuthorizeRequest request) {
        UriComponentsBuilder target = UriComponentsBuilder.fromUriString(request.redirectUri())
                .queryParam("code", codes.issue(personId, request));
        if (request.state() != null) {
            target.queryParam("state", request.state());
        }
        return redirect(target.encode().build().toUri());
    }

    private static ResponseEntity<String> errorRedirect(String redirectUri, String error, String state) {
        UriComponentsBuilder target =
                UriComponentsBuilder.fromUriString(redirectUri).queryParam("error", error);
        if (state != null) {
            target.queryParam("state", state);
        }
        return redirect(target.encode().build().toUri());
    }

    private static ResponseEntity<String> redirect(URI location) {
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(location)
                .header("Cache-Control", "no-store")
                .build();
    }

    private static List<String> parseScopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }
        return Arrays.stream(scope.trim().split("[\\s+]+"))
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }
}
