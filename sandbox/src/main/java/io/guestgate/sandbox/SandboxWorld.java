package io.guestgate.sandbox;

import io.guestgate.emulator.config.EmulatorSeed;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Everything the sandbox runs besides the application: Redis, GreenMail, the identity provider and the Webex
 * emulator. It starts before the application context (which connects to all of them while it starts) and is closed
 * after every bean of the context is destroyed.
 */
final class SandboxWorld implements AutoCloseable {

    private static final Log log = LogFactory.getLog(SandboxWorld.class);
    private static final SecureRandom random = new SecureRandom();

    private final int appPort;
    private final SandboxRedis redis;
    private final SandboxMail mail;
    private final SandboxIdentityProvider identityProvider;
    private final SandboxWebex webex;
    private final Secrets secrets;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SandboxWorld(
            int appPort,
            SandboxRedis redis,
            SandboxMail mail,
            SandboxIdentityProvider identityProvider,
            SandboxWebex webex,
            Secrets secrets) {
        this.appPort = appPort;
        this.redis = redis;
        this.mail = mail;
        this.identityProvider = identityProvider;
        this.webex = webex;
        this.secrets = secrets;
    }

    /** Starts every service; if one fails, the ones already running are stopped before the failure is thrown. */
    static SandboxWorld start(SandboxSettings settings, int appPort) {
        SandboxSettings.Ports ports = settings.ports();
        FreePorts.requireFree("server.port", appPort);
        FreePorts.requireFree("guestgate.sandbox.ports.emulator", ports.emulator());
        FreePorts.requireFree("guestgate.sandbox.ports.identity-provider", ports.identityProvider());
        FreePorts.requireFree("guestgate.sandbox.ports.smtp", ports.smtp());
        FreePorts.requireFree("guestgate.sandbox.ports.imap", ports.imap());
        if (settings.redis() == SandboxSettings.RedisMode.EMBEDDED) {
            FreePorts.requireFree("guestgate.sandbox.ports.embedded-redis", ports.embeddedRedis());
        }
        List<AutoCloseable> started = new ArrayList<>();
        try {
            SandboxRedis redis = started(started, SandboxRedis.start(settings.redis(), ports.embeddedRedis()));
            SandboxMail mail = started(started, SandboxMail.start(ports.smtp(), ports.imap()));
            SandboxIdentityProvider identityProvider =
                    started(started, SandboxIdentityProvider.start(ports.identityProvider()));
            SandboxWebex webex = started(started, SandboxWebex.start(ports.emulator(), baseUrl(appPort)));
            return new SandboxWorld(appPort, redis, mail, identityProvider, webex, Secrets.generate());
        } catch (RuntimeException e) {
            closeAll(started, e);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T started(List<AutoCloseable> started, T service) {
        started.add(service);
        return service;
    }

    private static String baseUrl(int appPort) {
        return "http://localhost:" + appPort;
    }

    /**
     * The application's settings that point it at this world. They outrank every other source, so that a sandbox
     * run can never reach a real Webex, identity provider or mail relay configured elsewhere.
     */
    Map<String, Object> applicationProperties() {
        EmulatorSeed seed = webex.seed();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("guestgate.sandbox.enabled", "true");
        p.put("server.port", String.valueOf(appPort));
        // One port for everything in the sandbox, health and metrics included (production keeps them apart).
        p.put("management.server.port", String.valueOf(appPort));
        p.put("guestgate.public-base-url", publicBaseUrl());
        // A fresh prefix and key per run: a shared local Redis may hold data of earlier runs, sealed with other keys.
        p.put("guestgate.redis.key-prefix", secrets.keyPrefix());
        p.put("guestgate.crypto.keys.sandbox", secrets.cryptoKey());
        p.put("guestgate.crypto.active-key", "sandbox");
        p.put("spring.data.redis.host", redis.host());
        p.put("spring.data.redis.port", String.valueOf(redis.port()));

        p.put("guestgate.webex.api-base-url", webex.emulator().apiBaseUrl());
        p.put("guestgate.webex.bot-token", seed.bot().accessToken());
        p.put("guestgate.webex.webhook-secret", secrets.webhookSecret());
        p.put("guestgate.webex.integration.client-id", seed.integration().clientId());
        p.put("guestgate.webex.integration.client-secret", seed.integration().clientSecret());
        p.put("guestgate.webex.integration.redirect-uri", publicBaseUrl() + "/oauth/webex/callback");
        p.put("guestgate.webex.guest.issuer-id", seed.guestIssuer().id());
        p.put("guestgate.webex.guest.issuer-secret", seed.guestIssuer().secret());
        p.put("guestgate.webex.guest.service-app-token", seed.serviceApp().accessToken());
        // Only the emulator's own organization may use the bot, as a company's GuestGate admits its own people.
        p.put("guestgate.bot.allowed-org-ids", seed.orgId());

        String registration = "spring.security.oauth2.client.registration." + SandboxIdentityProvider.ISSUER_ID;
        p.put(registration + ".client-id", "guestgate-sandbox");
        p.put(registration + ".client-secret", secrets.oidcClientSecret());
        p.put(registration + ".client-name", "ich.app (sandbox)");
        p.put(registration + ".authorization-grant-type", "authorization_code");
        p.put(registration + ".scope", "openid,profile,email");
        p.put(
                "spring.security.oauth2.client.provider." + SandboxIdentityProvider.ISSUER_ID + ".issuer-uri",
                identityProvider.issuerUri());

        p.put("spring.mail.host", SandboxRedis.HOST);
        p.put("spring.mail.port", String.valueOf(mail.smtpPort()));
        return p;
    }

    String publicBaseUrl() {
        return baseUrl(appPort);
    }

    int appPort() {
        return appPort;
    }

    SandboxRedis redis() {
        return redis;
    }

    SandboxMail mail() {
        return mail;
    }

    SandboxIdentityProvider identityProvider() {
        return identityProvider;
    }

    SandboxWebex webex() {
        return webex;
    }

    String keyPrefix() {
        return secrets.keyPrefix();
    }

    /** Stops everything in reverse order of start; safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            redis.deleteKeys(secrets.keyPrefix());
        } catch (RuntimeException e) {
            log.warn("Could not remove the sandbox's keys (prefix " + secrets.keyPrefix() + ") from the local Redis: "
                    + e.getMessage());
        }
        closeAll(new ArrayList<>(List.of(redis, mail, identityProvider, webex)), null);
    }

    boolean isClosed() {
        return closed.get();
    }

    private static void closeAll(List<AutoCloseable> services, RuntimeException failure) {
        for (int i = services.size() - 1; i >= 0; i--) {
            try {
                services.get(i).close();
            } catch (Exception e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else {
                    log.warn("Stopping " + services.get(i).getClass().getSimpleName() + " failed: " + e.getMessage());
                }
            }
        }
    }

    /** Per-run secrets: nothing of a sandbox run is valid in another. */
    record Secrets(String keyPrefix, String cryptoKey, String webhookSecret, String oidcClientSecret) {

        static Secrets generate() {
            return new Secrets(
                    "guestgate-sandbox-" + HexFormat.of().formatHex(bytes(4)) + ":",
                    Base64.getEncoder().encodeToString(bytes(32)),
                    HexFormat.of().formatHex(bytes(24)),
                    HexFormat.of().formatHex(bytes(24)));
        }

        private static byte[] bytes(int count) {
            byte[] bytes = new byte[count];
            random.nextBytes(bytes);
            return bytes;
        }

        @Override
        public String toString() {
            return "Secrets[keyPrefix=" + keyPrefix + ", secrets redacted]";
        }
    }
}
