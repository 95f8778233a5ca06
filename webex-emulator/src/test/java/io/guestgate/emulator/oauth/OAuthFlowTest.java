package io.guestgate.emulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.journal.JournalEntry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriComponentsBuilder;

class OAuthFlowTest {

    @RegisterExtension
    static final WebexEmulatorExtension EMULATOR = WebexEmulatorExtension.withDefaults();

    static WebexEmulator webex;
    static WebTestClient http;
    static EmulatorSeed seed;
    static final String VERIFIER = "a-very-long-pkce-code-verifier-with-enough-entropy-0123456789";
    static final String REDIRECT = "http://localhost:8080/oauth/webex/callback";

    @BeforeAll
    static void start() {
        webex = EMULATOR.get();
        seed = webex.seed();
        http = WebTestClient.bindToServer().baseUrl(webex.baseUrl()).build();
    }

    @BeforeEach
    void reset() {
        webex.signOut();
        webex.clearRequests();
    }

    @Test
    void redirectsWithCodeAndStateForSignedInPersonAndExchangesItWithPkce() {
        webex.signInAs(seed.organizer());
        String code = authorize("xyz-state", challenge(VERIFIER));

        Map<String, Object> tokens = token(codeForm(code, VERIFIER))
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(tokens)
                .containsKeys("access_token", "expires_in", "refresh_token", "refresh_token_expires_in")
                .containsEntry("token_type", "Bearer");

        http.get()
                .uri("/v1/people/me")
                .headers(h -> h.setBearerAuth((String) tokens.get("access_token")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(seed.organizer().id())
                .jsonPath("$.type")
                .isEqualTo("person");
    }

    @Test
    void rejectsReusedCodeWithWebexErrorShape() {
        webex.signInAs(seed.organizer());
        String code = authorize("s", challenge(VERIFIER));
        token(codeForm(code, VERIFIER)).expectStatus().isOk();

        token(codeForm(code, VERIFIER))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.message")
                .exists()
                .jsonPath("$.errors[0].description")
                .exists()
                .jsonPath("$.trackingId")
                .exists();
    }

    @Test
    void rejectsWrongCodeVerifier() {
        webex.signInAs(seed.organizer());
        String code = authorize("s", challenge(VERIFIER));
        token(codeForm(code, VERIFIER + "x")).expectStatus().isBadRequest();
    }

    @Test
    void refreshRotatesAndRejectsTheOldTokenAfterwards() {
        webex.signInAs(seed.organizer());
        Map<String, Object> first = token(codeForm(authorize("s", challenge(VERIFIER)), VERIFIER))
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        String oldRefresh = (String) first.get("refresh_token");

        Map<String, Object> second = token(refreshForm(oldRefresh))
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(second.get("refresh_token")).isNotEqualTo(oldRefresh);
        token(refreshForm(oldRefresh)).expectStatus().isBadRequest();

        assertThat(webex.requests("POST", "/v1/access_token"))
                .extracting(JournalEntry::grant)
                .containsExactly("authorization_code", "refresh_token", "refresh_token");
        assertThat(webex.requests("POST", "/v1/access_token"))
                .extracting(JournalEntry::status)
                .containsExactly(200, 200, 400);
    }

    @Test
    void revokedRefreshTokenIsRejected() {
        webex.signInAs(seed.organizer());
        Map<String, Object> first = token(codeForm(authorize("s", challenge(VERIFIER)), VERIFIER))
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(webex.revokeRefreshTokens(seed.organizer().id())).isPositive();
        token(refreshForm((String) first.get("refresh_token"))).expectStatus().isBadRequest();
    }

    @Test
    void expiredAccessTokenGets401() {
        webex.signInAs(seed.organizer());
        Map<String, Object> first = token(codeForm(authorize("s", challenge(VERIFIER)), VERIFIER))
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        String access = (String) first.get("access_token");
        assertThat(webex.expireAccessToken(access)).isTrue();
        http.get()
                .uri("/v1/people/me")
                .headers(h -> h.setBearerAuth(access))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.trackingId")
                .exists();
    }

    @Test
    void refusesUnregisteredRedirectUriWithoutRedirecting() {
        webex.signInAs(seed.organizer());
        http.get()
                .uri(b -> b.path("/v1/authorize")
                        .queryParam("client_id", seed.integration().clientId())
                        .queryParam("response_type", "code")
                        .queryParam("redirect_uri", "https://evil.example/cb")
                        .queryParam("scope", "spark:people_read")
                        .queryParam("state", "s")
                        .build())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .doesNotExist("Location");
    }

    @Test
    void showsConsentPageWhenNobodyIsSignedInAndRedirectsAfterChoice() {
        String page = http.get()
                .uri(authorizeUri("st", challenge(VERIFIER)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page)
                .contains(seed.organizer().displayName())
                .contains(seed.secondPerson().email());
        String requestId = page.replaceAll("(?s).*name=\"request\" value=\"([^\"]+)\".*", "$1");

        URI location = http.post()
                .uri("/_emulator/authorize/consent")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("request", requestId)
                        .with("personId", seed.secondPerson().id()))
                .exchange()
                .expectStatus()
                .isFound()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getLocation();
        Map<String, String> query =
                UriComponentsBuilder.fromUri(location).build().getQueryParams().toSingleValueMap();
        assertThat(query).containsEntry("state", "st").containsKey("code");

        Map<String, Object> tokens = token(codeForm(query.get("code"), VERIFIER))
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        http.get()
                .uri("/v1/people/me")
                .headers(h -> h.setBearerAuth((String) tokens.get("access_token")))
                .exchange()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(seed.secondPerson().id());
    }

    @Test
    void unknownBearerTokenGets401InWebexShape() {
        http.get()
                .uri("/v1/people/me")
                .headers(h -> h.setBearerAuth("nope"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .exists("TrackingID")
                .expectBody()
                .jsonPath("$.message")
                .exists()
                .jsonPath("$.errors[0].description")
                .exists()
                .jsonPath("$.trackingId")
                .exists();
        assertThat(webex.requests()).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.personId()).isNull();
        });
    }

    // ---- helpers

    static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> MAP =
            new org.springframework.core.ParameterizedTypeReference<>() {};

    private String authorize(String state, String challenge) {
        URI location = http.get()
                .uri(authorizeUri(state, challenge))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.FOUND)
                .returnResult(Void.class)
                .getResponseHeaders()
                .getLocation();
        Map<String, String> query =
                UriComponentsBuilder.fromUri(location).build().getQueryParams().toSingleValueMap();
        assertThat(location.toString()).startsWith(REDIRECT);
        assertThat(query).containsEntry("state", state);
        return query.get("code");
    }

    private java.util.function.Function<org.springframework.web.util.UriBuilder, URI> authorizeUri(
            String state, String challenge) {
        return b -> b.path("/v1/authorize")
                .queryParam("client_id", seed.integration().clientId())
                .queryParam("response_type", "code")
                .queryParam("redirect_uri", REDIRECT)
                .queryParam("scope", "spark:people_read meeting:schedules_write")
                .queryParam("state", state)
                .queryParam("code_challenge", challenge)
                .queryParam("code_challenge_method", "S256")
                .build();
    }

    private MultiValueMap<String, String> codeForm(String code, String verifier) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "authorization_code");
        form.add("client_id", seed.integration().clientId());
        form.add("client_secret", seed.integration().clientSecret());
        form.add("code", code);
        form.add("redirect_uri", REDIRECT);
        form.add("code_verifier", verifier);
        return form;
    }

    private MultiValueMap<String, String> refreshForm(String refreshToken) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "refresh_token");
        form.add("client_id", seed.integration().clientId());
        form.add("client_secret", seed.integration().clientSecret());
        form.add("refresh_token", refreshToken);
        return form;
    }

    private WebTestClient.ResponseSpec token(MultiValueMap<String, String> form) {
        return http.post()
                .uri("/v1/access_token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange();
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
