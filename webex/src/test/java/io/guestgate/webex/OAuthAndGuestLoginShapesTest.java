package io.guestgate.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.webex.guests.GuestToken;
import io.guestgate.webex.oauth.AccessToken;
import io.guestgate.webex.oauth.ClientCredentials;
import io.guestgate.webex.oauth.OAuthTokens;
import io.guestgate.webex.oauth.Pkce;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The endpoints no spec covers, shaped as ARCHITECTURE.md and Webex's docs describe: the authorize URL,
 * {@code POST /access_token} (form-encoded) and {@code POST /jwt/login}.
 */
class OAuthAndGuestLoginShapesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ClientCredentials CLIENT = new ClientCredentials("client-id-1", "client-secret-1");

    private MockWebServer server;
    private WebexClient webex;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        webex = WebexClient.create(
                WebexClientSettings.defaults()
                        .withApiBaseUrl(server.url("/v1").uri())
                        .withRetry(RetrySettings.NONE),
                WebClient.builder());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void authorizeUrlCarriesStateScopesAndS256Challenge() throws Exception {
        Pkce pkce = Pkce.generate();

        URI url = webex.oauth()
                .authorizeUrl()
                .clientId("client-id-1")
                .redirectUri("https://gg.example.com/oauth/webex/callback?x=1")
                .scopes(List.of("meeting:schedules_read", "spark:people_read"))
                .state("st+ate/1")
                .pkce(pkce)
                .build();

        assertThat(url.getRawPath()).isEqualTo("/v1/authorize");
        // Strictly encoded: a space is %20 (never '+'), and '?', '=', '+' inside values cannot split the query.
        assertThat(url.getRawQuery())
                .contains("scope=meeting%3Aschedules_read%20spark%3Apeople_read")
                .contains("redirect_uri=https%3A%2F%2Fgg.example.com%2Foauth%2Fwebex%2Fcallback%3Fx%3D1")
                .contains("state=st%2Bate%2F1")
                .doesNotContain("+");
        Map<String, String> query = decodedQuery(url);
        assertThat(query)
                .containsExactly(
                        Map.entry("client_id", "client-id-1"),
                        Map.entry("response_type", "code"),
                        Map.entry("redirect_uri", "https://gg.example.com/oauth/webex/callback?x=1"),
                        Map.entry("scope", "meeting:schedules_read spark:people_read"),
                        Map.entry("state", "st+ate/1"),
                        Map.entry("code_challenge", pkce.challenge()),
                        Map.entry("code_challenge_method", "S256"));
        byte[] digest =
                MessageDigest.getInstance("SHA-256").digest(pkce.verifier().getBytes(StandardCharsets.US_ASCII));
        assertThat(pkce.challenge())
                .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        assertThat(pkce.verifier()).hasSize(43).isNotEqualTo(Pkce.generate().verifier());
        assertThat(pkce.toString()).doesNotContain(pkce.verifier());
    }

    @Test
    void codeExchangePostsTheFormAndDecodesTheTokens() throws Exception {
        server.enqueue(json(200, SpecExampleServer.OAUTH_TOKENS));

        OAuthTokens tokens = webex.oauth()
                .exchangeCode(CLIENT, "auth-code-1", "https://gg.example.com/oauth/webex/callback", "verifier-1")
                .block(WAIT);

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v1/access_token");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(form(request))
                .containsExactly(
                        Map.entry("grant_type", "authorization_code"),
                        Map.entry("client_id", "client-id-1"),
                        Map.entry("client_secret", "client-secret-1"),
                        Map.entry("code", "auth-code-1"),
                        Map.entry("redirect_uri", "https://gg.example.com/oauth/webex/callback"),
                        Map.entry("code_verifier", "verifier-1"));
        assertThat(tokens.accessToken().value()).isEqualTo("example-access-token");
        assertThat(tokens.expiresIn()).isEqualTo(Duration.ofSeconds(1209599));
        assertThat(tokens.refreshToken()).isEqualTo("example-refresh-token");
        assertThat(tokens.refreshTokenExpiresIn()).isEqualTo(Duration.ofSeconds(7775999));
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.toString()).doesNotContain("example-access-token", "example-refresh-token");
    }

    @Test
    void refreshPostsTheRefreshGrant() throws Exception {
        server.enqueue(json(200, SpecExampleServer.OAUTH_TOKENS));

        webex.oauth().refresh(CLIENT, "refresh-token-1").block(WAIT);

        assertThat(form(server.takeRequest(5, TimeUnit.SECONDS)))
                .containsExactly(
                        Map.entry("grant_type", "refresh_token"),
                        Map.entry("client_id", "client-id-1"),
                        Map.entry("client_secret", "client-secret-1"),
                        Map.entry("refresh_token", "refresh-token-1"));
    }

    @Test
    void rejectedRefreshTokenIsATypedErrorWithTheOAuthDescription() {
        server.enqueue(json(400, """
                {"error":"invalid_grant","error_description":"The refresh token provided is expired, revoked or malformed.","trackingId":"ROUTER_1"}"""));

        assertThatThrownBy(
                        () -> webex.oauth().refresh(CLIENT, "refresh-token-1").block(WAIT))
                .isInstanceOfSatisfying(WebexApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.kind()).isEqualTo(WebexApiException.Kind.BAD_REQUEST);
                    assertThat(e.webexMessage()).contains("expired, revoked or malformed");
                    assertThat(e.trackingId()).isEqualTo("ROUTER_1");
                    assertThat(e.getMessage()).doesNotContain("refresh-token-1", "client-secret-1");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void jwtLoginSendsTheGuestJwtAsBearerWithoutBodyAndDecodesTheToken() throws Exception {
        server.enqueue(json(200, SpecExampleServer.JWT_LOGIN));

        GuestToken token = webex.guests()
                .jwtLogin(AccessToken.of("header.payload.signature"))
                .block(WAIT);

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v1/jwt/login");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer header.payload.signature");
        assertThat(request.getBodySize()).isZero();
        assertThat(token.accessToken().value()).isEqualTo("example-guest-access-token");
        assertThat(token.expiresIn()).isEqualTo(Duration.ofSeconds(21600));
    }

    @Test
    void tokenAnswerWithoutTokenIsAnInvalidResponse() {
        server.enqueue(json(200, "{\"expiresIn\":60}"));

        assertThatThrownBy(
                        () -> webex.guests().jwtLogin(AccessToken.of("a.b.c")).block(WAIT))
                .isInstanceOfSatisfying(
                        WebexApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(WebexApiException.Kind.INVALID_RESPONSE));
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private static Map<String, String> form(RecordedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBody().string(StandardCharsets.UTF_8).split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(
                    URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return form;
    }

    private static Map<String, String> decodedQuery(URI url) {
        Map<String, String> query = new LinkedHashMap<>();
        UriComponentsBuilder.fromUri(url)
                .build()
                .getQueryParams()
                .forEach((name, values) -> query.put(name, URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
        return query;
    }
}
