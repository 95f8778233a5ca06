package io.guestgate.domain.testing;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every test that boots {@code DomainConfiguration} needs: the real Redis on 127.0.0.1:6379 under a key
 * prefix of its own (so parallel runs never meet), a public base URL, a fresh encryption key, and who may use the bot.
 * Shipped in the domain's test-jar for the bot and landing tests.
 */
public final class DomainTestProperties {

    private DomainTestProperties() {}

    /** A key prefix no other test run uses. */
    public static String uniquePrefix() {
        return "gg-test-" + UUID.randomUUID() + ":";
    }

    /** A random AES-256 key, base64. */
    public static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public static void register(DynamicPropertyRegistry registry) {
        register(registry, "http://localhost:8080");
    }

    public static void register(DynamicPropertyRegistry registry, String publicBaseUrl) {
        String prefix = uniquePrefix();
        String key = randomKey();
        registry.add("guestgate.redis.key-prefix", () -> prefix);
        registry.add("guestgate.crypto.keys.test", () -> key);
        registry.add("guestgate.crypto.active-key", () -> "test");
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> "6379");
        registry.add("guestgate.public-base-url", () -> publicBaseUrl);
        // The emulator's seed people (the organizer, a second person) have example.com addresses.
        registry.add("guestgate.bot.allowed-email-domains", () -> "example.com");
    }
}
