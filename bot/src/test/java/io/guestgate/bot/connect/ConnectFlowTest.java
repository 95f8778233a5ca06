package io.guestgate.bot.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.domain.account.AccountStatus;
import io.guestgate.domain.account.LoginLinks;
import io.guestgate.domain.account.OrganizerAccount;
import io.guestgate.domain.account.OrganizerAccounts;
import io.guestgate.domain.account.OrganizerTokens;
import io.guestgate.domain.account.TokenResult;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.faults.Fault;
import io.guestgate.platform.crypto.SealBinding;
import io.guestgate.platform.crypto.TokenSealer;
import io.guestgate.platform.redis.Json;
import io.guestgate.platform.redis.RedisKeys;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.oauth.AccessToken;
import io.guestgate.webex.people.Person;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The organizer's link from chat to a stored account: GuestGate's endpoints on a real port, the real Redis, and the
 * emulator as Webex. Logs are captured to prove that no token, code, verifier or secret reaches them.
 */
@SpringBootTest(
        classes = ConnectTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.io.guestgate=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
class ConnectFlowTest {

    static final EmulatorSeed.Person MALLORY = new EmulatorSeed.Person(
            null, "mallory@example.com", "Mallory <script>alert(1)</script>", "mallory-access-token");
    /** Outside the allowed domain: the bot does not answer her, and her Webex account cannot be linked. */
    static final EmulatorSeed.Person EVE =
            new EmulatorSeed.Person(null, "eve@elsewhere.org", "Eve Elsewhere", "eve-access-token");

    static final EmulatorSeed SEED = EmulatorSeed.defaults()
            .withPeople(List.of(
                    EmulatorSeed.defaults().organizer(), EmulatorSeed.defaults().secondPerson(), MALLORY, EVE));

    @RegisterExtension
    static final WebexEmulatorExtension WEBEX = WebexEmulatorExtension.withSeed(SEED);

    static final EmulatorSeed.Person OLIVIA = SEED.organizer();
    static final EmulatorSeed.Person PETER = SEED.secondPerson();
    static final String SCOPES = "meeting:schedules_read meeting:schedules_write meeting:participants_read "
            + "meeting:participants_write spark:people_read";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String prefix = "gg-test-" + UUID.randomUUID() + ":";
        registry.add("guestgate.redis.key-prefix", () -> prefix);
        registry.add("guestgate.crypto.keys.test", () -> Base64.getEncoder().encodeToString(key));
        registry.add("guestgate.crypto.active-key", () -> "test");
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> "6379");
        // The emulator's default integration registers http://localhost:8080/oauth/webex/callback.
        registry.add("guestgate.public-base-url", () -> "http://localhost:8080");
        registry.add("guestgate.webex.api-base-url", WEBEX.get()::apiBaseUrl);
        registry.add(
                "guestgate.webex.integration.client-id",
                () -> SEED.integration().clientId());
        registry.add(
                "guestgate.webex.integration.client-secret",
                () -> SEED.integration().clientSecret());
        registry.add("guestgate.webex.http.max-attempts", () -> "1");
        registry.add("guestgate.bot.allowed-email-domains", () -> "example.com");
        // Linking registers the organizer's lobby webhooks, and the bot tells them in chat when it could not.
        registry.add("guestgate.webex.bot-token", () -> SEED.bot().accessToken());
        registry.add("guestgate.webex.webhook-secret", () -> "link-test-webhook-secret");
    }

    @LocalServerPort
    int port;

    @Autowired
    LoginLinks loginLinks;

    @Autowired
    OrganizerAccounts accounts;

    @Autowired
    OrganizerTokens tokens;

    @Autowired
    WebexClient webex;

    @Autowired
    TokenSealer sealer;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    RedisKeys keys;

    ConnectBrowser browser;

    @BeforeEach
    void setUp() {
        browser = new ConnectBrowser(port, WEBEX.get());
        WEBEX.get().clearRequests();
        WEBEX.get().clearFaults();
        accounts.unlink(OLIVIA.id()).block();
    }

    @Test
    void linksTheOrganizerFromChatLinkToAWorkingToken(CapturedOutput output) {
        URI login = loginLinks.create(OLIVIA.id()).block();
        String state = ConnectBrowser.query(login, "state");
        assertThat(login.toString()).startsWith("http://localhost:8080/oauth/webex/start?state=");

        EntityExchangeResult<String> start = browser.open(login, "de-AT,de;q=0.9");

        assertThat(start.getStatus()).isEqualTo(HttpStatus.FOUND);
        assertSafeHeaders(start);
        URI authorize = start.getResponseHeaders().getLocation();
        assertThat(authorize.toString()).startsWith(WEBEX.get().apiBaseUrl() + "/authorize?");
        assertThat(ConnectBrowser.query(authorize, "client_id"))
                .isEqualTo(SEED.integration().clientId());
        assertThat(ConnectBrowser.query(authorize, "response_type")).isEqualTo("code");
        assertThat(decoded(authorize, "redirect_uri")).isEqualTo("http://localhost:8080/oauth/webex/callback");
        assertThat(decoded(authorize, "scope")).isEqualTo(SCOPES);
        assertThat(ConnectBrowser.query(authorize, "state")).isEqualTo(state);
        assertThat(ConnectBrowser.query(authorize, "code_challenge_method")).isEqualTo("S256");
        assertThat(ConnectBrowser.query(authorize, "code_challenge")).matches("[A-Za-z0-9_-]{43}");
        // Opening the link does not use it up: a reload still works, with the same PKCE challenge.
        EntityExchangeResult<String> reload = browser.open(login, null);
        assertThat(reload.getStatus()).isEqualTo(HttpStatus.FOUND);
        assertThat(reload.getResponseHeaders().getLocation()).isEqualTo(authorize);
        String verifier = pendingVerifier(state);

        WEBEX.get().signInAs(OLIVIA);
        URI callback = browser.authorize(authorize);
        String code = ConnectBrowser.query(callback, "code");
        EntityExchangeResult<String> linked = browser.callback(callback, "de-AT,de;q=0.9,en;q=0.5");

        assertThat(linked.getStatus()).isEqualTo(HttpStatus.OK);
        assertSafeHeaders(linked);
        assertThat(linked.getResponseHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE))
                .isEqualTo("de");
        assertThat(linked.getResponseBody()).contains("Webex-Konto verbunden", "Olivia Organizer", OLIVIA.email());
        OrganizerAccount account = accounts.find(OLIVIA.id()).block();
        assertThat(account.status()).isEqualTo(AccountStatus.LINKED);
        assertThat(account.email()).isEqualTo(OLIVIA.email());
        TokenResult.Token token =
                (TokenResult.Token) tokens.validAccessToken(OLIVIA.id()).block();
        assertThat(webex.people()
                        .me(AccessToken.of(token.accessToken()))
                        .block()
                        .id())
                .isEqualTo(OLIVIA.id());
        String refreshToken = storedRefreshToken(OLIVIA.id());

        // A refresh during the flow must not log its tokens either.
        redis.opsForHash()
                .put(accountKey(OLIVIA.id()), "accessExpiresAt", Long.toString(System.currentTimeMillis() + 60_000))
                .block();
        TokenResult.Token refreshed =
                (TokenResult.Token) tokens.validAccessToken(OLIVIA.id()).block();
        assertThat(refreshed.accessToken()).isNotEqualTo(token.accessToken());
        assertThat(WEBEX.get().requests("POST", "/v1/access_token"))
                .extracting(e -> e.grant())
                .containsExactly("authorization_code", "refresh_token");

        List<String> secrets = List.of(
                state,
                code,
                verifier,
                token.accessToken(),
                refreshToken,
                refreshed.accessToken(),
                storedRefreshToken(OLIVIA.id()),
                SEED.integration().clientSecret());
        assertThat(secrets)
                .doesNotContainNull()
                .allSatisfy(secret -> assertThat(secret).hasSizeGreaterThan(10));
        // The capture is live: the Webex client's DEBUG lines for these very calls are in it.
        assertThat(output.getAll()).contains("/access_token", "/people/me");
        for (String secret : secrets) {
            assertThat(output.getAll()).as("logs must not contain a secret").doesNotContain(secret);
        }
    }

    @Test
    void refusesADifferentWebexAccountAndStoresNothing(CapturedOutput output) {
        URI callback = consent(OLIVIA, PETER).callback();
        EntityExchangeResult<String> refused = browser.callback(callback, "en");

        assertThat(refused.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
        assertSafeHeaders(refused);
        assertThat(refused.getResponseBody()).contains("Wrong Webex account").doesNotContain(PETER.email());
        assertThat(accounts.find(PETER.id()).block()).isNull();
        assertNotLinked(OLIVIA.id());
        assertThat(tokens.validAccessToken(OLIVIA.id()).block()).isInstanceOf(TokenResult.RelinkNeeded.class);
        assertThat(redis.keys(keys.prefix() + "*").collectList().block()).noneMatch(key -> key.contains(PETER.id()));
        assertThat(output.getAll()).contains("Refused account link");
        // The state is used up: the same callback cannot be retried.
        assertThat(browser.callback(callback, "en").getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void refusesAWebexAccountOutsideTheAllowedOrganizationsAndStoresNothing(CapturedOutput output) {
        Person eve = webex.people()
                .me(io.guestgate.webex.oauth.AccessToken.of(EVE.accessToken()))
                .block();
        URI callback = consent(eve.id(), EVE).callback();
        EntityExchangeResult<String> refused = browser.callback(callback, "de");

        assertThat(refused.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
        assertSafeHeaders(refused);
        assertThat(refused.getResponseBody()).contains("Nicht für diese Organisation");
        assertNotLinked(eve.id());
        assertThat(redis.keys(keys.prefix() + "*").collectList().block()).noneMatch(key -> key.contains(eve.id()));
        assertThat(output.getAll()).contains("outside the allowed organizations");
    }

    @Test
    void linkingRegistersTheOrganizersLobbyWebhooks() {
        EntityExchangeResult<String> linked =
                browser.callback(consent(OLIVIA, OLIVIA).callback(), "en");

        assertThat(linked.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(WEBEX.get().webhooks())
                .filteredOn(hook ->
                        hook.ownerId().equals(OLIVIA.id()) && hook.resource().equals("meetingParticipants"))
                .extracting(io.guestgate.emulator.webhooks.Webhook::event)
                .containsExactlyInAnyOrder("joined", "left");
    }

    @Test
    void anOrganizerWhoseLobbyWebexWillNotShowIsLinkedAndToldToLinkAgain() {
        WEBEX.get().injectFault(Fault.status("GET /v1/webhooks", 403, 1));
        EntityExchangeResult<String> linked =
                browser.callback(consent(OLIVIA, OLIVIA).callback(), "en");

        assertThat(linked.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(accounts.find(OLIVIA.id()).block().isLinked()).isTrue();
        assertThat(WEBEX.get().messages()).anySatisfy(message -> {
            assertThat(message.toPersonId()).isEqualTo(OLIVIA.id());
            assertThat(message.markdown() != null ? message.markdown() : message.text())
                    .contains("did not let GuestGate watch your meetings' lobbies", "**login**");
        });
    }

    @Test
    void refusesAReplayedCallbackAndKeepsTheAccountAsItWas() {
        Consent consent = consent(OLIVIA, OLIVIA);
        URI login = consent.login();
        URI callback = consent.callback();
        assertThat(browser.callback(callback, "en").getStatus()).isEqualTo(HttpStatus.OK);
        Map<String, String> stored = rawAccount(OLIVIA.id());

        EntityExchangeResult<String> replay = browser.callback(callback, "en");

        assertThat(replay.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertSafeHeaders(replay);
        assertThat(replay.getResponseBody()).contains("This login link no longer works");
        assertThat(rawAccount(OLIVIA.id())).isEqualTo(stored);
        assertThat(browser.open(login, "en").getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void refusesAnExpiredStateAtStartAndAtCallback() {
        Consent consent = consent(OLIVIA, OLIVIA);
        URI login = consent.login();
        URI callback = consent.callback();

        String key = stateKey(ConnectBrowser.query(login, "state"));
        redis.expire(key, Duration.ofMillis(1)).block();
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.hasKey(key).block(), Boolean.FALSE::equals);

        EntityExchangeResult<String> start = browser.open(login, "de");
        assertThat(start.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(start.getResponseBody()).contains("Dieser Anmeldelink gilt nicht mehr");
        EntityExchangeResult<String> late = browser.callback(callback, "en");
        assertThat(late.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(late.getResponseBody()).contains("This login link no longer works");
        assertNotLinked(OLIVIA.id());
        // Refused before Webex was asked: the code was never exchanged.
        assertThat(WEBEX.get().requests("POST", "/v1/access_token")).isEmpty();
    }

    @Test
    void refusesUnknownMissingAndMalformedStates() {
        String unknown = "A".repeat(43);
        List<EntityExchangeResult<String>> answers = new ArrayList<>();
        answers.add(browser.get("/oauth/webex/start?state=" + unknown, "en"));
        answers.add(browser.get("/oauth/webex/start", "en"));
        answers.add(browser.get("/oauth/webex/start?state=%3Cscript%3E", "en"));
        answers.add(browser.get("/oauth/webex/callback?code=some-code&state=" + unknown, "en"));
        answers.add(browser.get("/oauth/webex/callback?code=some-code", "en"));
        answers.add(browser.get("/oauth/webex/callback?state=" + unknown, "en"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertSafeHeaders(answer);
            assertThat(answer.getResponseBody())
                    .contains("This login link no longer works")
                    .doesNotContain("<script>");
        });
        assertThat(WEBEX.get().requests()).isEmpty();
        assertNotLinked(OLIVIA.id());
    }

    @Test
    void showsAClearPageWhenTheOrganizerDeniesAccessAtWebex() {
        URI login = loginLinks.create(OLIVIA.id()).block();
        URI authorize = browser.open(login, "de").getResponseHeaders().getLocation();
        WEBEX.get().signOut();

        URI callback = browser.deny(authorize);
        assertThat(ConnectBrowser.query(callback, "error")).isEqualTo("access_denied");
        EntityExchangeResult<String> denied = browser.callback(callback, "de");

        assertThat(denied.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
        assertSafeHeaders(denied);
        assertThat(denied.getResponseBody()).contains("Zugriff nicht erteilt");
        assertNotLinked(OLIVIA.id());
        // The attempt is over: the link cannot be resumed.
        assertThat(browser.open(login, "de").getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void showsAPlainErrorPageWhenWebexFailsTheCodeExchange() {
        URI callback = consent(OLIVIA, OLIVIA).callback();
        WEBEX.get().injectFault(Fault.status("POST /v1/access_token", 500, 1));

        EntityExchangeResult<String> failed = browser.callback(callback, "en");

        assertThat(failed.getStatus()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertSafeHeaders(failed);
        assertThat(failed.getResponseBody())
                .contains("Webex did not complete the sign-in")
                .doesNotContain("Exception", "at io.", "500");
        assertNotLinked(OLIVIA.id());
    }

    @Test
    void escapesWhatWebexSaysAboutThePerson() {
        URI login = loginLinks.create(MALLORY.id()).block();
        URI authorize = browser.open(login, null).getResponseHeaders().getLocation();
        WEBEX.get().signInAs(MALLORY);

        EntityExchangeResult<String> linked = browser.callback(browser.authorize(authorize), "fr, xx-;;q=broken");

        assertThat(linked.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(linked.getResponseHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE))
                .isEqualTo("en");
        assertThat(linked.getResponseBody())
                .contains("Webex account linked", "Mallory &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
    }

    private static void assertSafeHeaders(EntityExchangeResult<String> result) {
        HttpHeaders headers = result.getResponseHeaders();
        assertThat(headers.getCacheControl()).isEqualTo("no-store");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        if (result.getStatus() != HttpStatus.FOUND) {
            assertThat(headers.getContentType().toString()).startsWith("text/html");
            assertThat(result.getResponseBody()).doesNotContain("Exception", "\tat ");
        }
    }

    private static String decoded(URI uri, String name) {
        return org.springframework.web.util.UriUtils.decode(
                ConnectBrowser.query(uri, name), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The PKCE verifier as GuestGate keeps it with the state (sealed), to search the logs for it. */
    private String pendingVerifier(String state) {
        String hash = java.util.HexFormat.of().formatHex(sha256(state));
        String json = redis.opsForValue().get(stateKey(state)).block();
        String sealed = (String) Json.read(json, Map.class).get("verifier");
        return sealer.open(sealed, new SealBinding("pkce-verifier", hash));
    }

    /** States are stored under their SHA-256, never as they are. */
    private String stateKey(String state) {
        return keys.key("link-state", java.util.HexFormat.of().formatHex(sha256(state)));
    }

    /** The login link from chat, and the callback Webex sends the browser to after consent. */
    private record Consent(URI login, URI callback) {}

    /** {@code chatPerson}'s login link opened, and consent given at Webex by whoever is signed in there. */
    private Consent consent(EmulatorSeed.Person chatPerson, EmulatorSeed.Person atWebex) {
        return consent(chatPerson.id(), atWebex);
    }

    private Consent consent(String chatPersonId, EmulatorSeed.Person atWebex) {
        URI login = loginLinks.create(chatPersonId).block();
        URI authorize = browser.open(login, "en").getResponseHeaders().getLocation();
        WEBEX.get().signInAs(atWebex);
        return new Consent(login, browser.authorize(authorize));
    }

    private void assertNotLinked(String personId) {
        OrganizerAccount account = accounts.find(personId).block();
        assertThat(account == null || !account.isLinked()).as("not linked").isTrue();
        assertThat(tokens.validAccessToken(personId).block()).isInstanceOf(TokenResult.RelinkNeeded.class);
    }

    private String storedRefreshToken(String personId) {
        return sealer.open(
                rawAccount(personId).get("refreshToken"), new SealBinding("organizer-refresh-token", personId));
    }

    private Map<String, String> rawAccount(String personId) {
        return redis.<String, String>opsForHash()
                .entries(accountKey(personId))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .block();
    }

    private String accountKey(String personId) {
        return keys.tagged("org:" + personId);
    }

    private static byte[] sha256(String value) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
