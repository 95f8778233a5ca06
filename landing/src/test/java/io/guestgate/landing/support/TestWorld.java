package io.guestgate.landing.support;

import io.guestgate.domain.testing.DomainTestProperties;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.config.EmulatorSeed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The outside world of the landing's integration tests, started once per test JVM: a real OpenID Connect provider
 * (mock-oauth2-server, with discovery) standing in for ich.app, and the Webex emulator. Redis is the real server.
 */
public final class TestWorld {

    public static final String CLIENT_ID = "guestgate-landing";
    public static final String ISSUER_ID = "ichapp";

    private static MockOAuth2Server oidc;
    private static WebexEmulator webex;

    private TestWorld() {}

    public static synchronized MockOAuth2Server oidc() {
        if (oidc == null) {
            oidc = new MockOAuth2Server();
            oidc.start();
            Runtime.getRuntime().addShutdownHook(new Thread(oidc::shutdown));
        }
        return oidc;
    }

    /**
     * Not {@code WebexEmulatorExtension}, which gives each test class an emulator of its own: the landing's Spring
     * contexts are cached across test classes and keep calling this one emulator, so it lives as long as the JVM.
     */
    public static synchronized WebexEmulator webex() {
        if (webex == null) {
            webex = WebexEmulator.start();
            Runtime.getRuntime().addShutdownHook(new Thread(webex::close));
        }
        return webex;
    }

    public static EmulatorSeed seed() {
        return webex().seed();
    }

    public static String issuerUri() {
        return oidc().issuerUrl(ISSUER_ID).toString();
    }

    /**
     * The next login at the identity provider vouches for these claims. mock-oauth2-server puts them in the ID token
     * and the user info; the audience is our client, as Spring Security checks.
     */
    public static void nextLogin(String subject, Map<String, Object> claims) {
        oidc().enqueueCallback(
                        new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
    }

    /** Everything a landing context needs, with a key prefix and an encryption key no other run uses. */
    public static Map<String, String> properties(String publicBaseUrl, String guestMode, String matchPolicy) {
        EmulatorSeed seed = seed();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("guestgate.public-base-url", publicBaseUrl);
        // The guest list refuses to start until someone says who may use the bot.
        p.put("guestgate.bot.allowed-email-domains", "example.com");
        p.put("guestgate.redis.key-prefix", DomainTestProperties.uniquePrefix());
        p.put("guestgate.crypto.keys.test", DomainTestProperties.randomKey());
        p.put("guestgate.crypto.active-key", "test");
        p.put("spring.data.redis.host", "127.0.0.1");
        p.put("spring.data.redis.port", "6379");
        p.put("spring.security.oauth2.client.registration.ichapp.client-id", CLIENT_ID);
        p.put("spring.security.oauth2.client.registration.ichapp.client-secret", "landing-test-client-secret");
        p.put("spring.security.oauth2.client.registration.ichapp.scope", "openid,profile,email");
        p.put("spring.security.oauth2.client.provider.ichapp.issuer-uri", issuerUri());
        p.put("guestgate.webex.api-base-url", webex().apiBaseUrl());
        p.put("guestgate.webex.bot-token", seed.bot().accessToken());
        p.put("guestgate.webex.guest.mode", guestMode);
        p.put("guestgate.webex.guest.issuer-id", seed.guestIssuer().id());
        p.put("guestgate.webex.guest.issuer-secret", seed.guestIssuer().secret());
        p.put("guestgate.webex.guest.service-app-token", seed.serviceApp().accessToken());
        p.put("guestgate.admission.match-policy", matchPolicy);
        p.put("guestgate.landing.rate-limit.per-ip", "10000");
        p.put("guestgate.landing.rate-limit.per-invitation", "12");
        p.put("logging.level.io.guestgate", "DEBUG");
        return p;
    }

    public static void register(DynamicPropertyRegistry registry, Map<String, String> properties) {
        properties.forEach((name, value) -> registry.add(name, () -> value));
    }

    /** Secrets the logs must never show, whatever the test did. */
    public static List<String> secrets() {
        EmulatorSeed seed = seed();
        return List.of(
                seed.guestIssuer().secret(),
                seed.serviceApp().accessToken(),
                seed.bot().accessToken(),
                "landing-test-client-secret");
    }
}
