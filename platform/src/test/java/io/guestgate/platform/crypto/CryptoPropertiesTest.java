package io.guestgate.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.platform.settings.InvalidPropertiesException;
import io.guestgate.platform.settings.Violation;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Import;

/** Startup must fail on a bad key ring, with a message that names the property to fix and shows no key. */
class CryptoPropertiesTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(CryptoOnly.class);

    @Test
    void startsWithAValidKeyRing() {
        context.withPropertyValues(
                        "guestgate.crypto.keys.k1=" + TokenSealerTest.key(1), "guestgate.crypto.active-key=k1")
                .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(TokenSealer.class));
    }

    @Test
    void failsWithoutKeys() {
        context.run(ctx ->
                assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("guestgate.crypto.keys"));
    }

    @Test
    void failsOnAShortKeyWithoutEchoingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        context.withPropertyValues("guestgate.crypto.keys.k1=" + shortKey, "guestgate.crypto.active-key=k1")
                .run(ctx -> assertThat(ctx)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("guestgate.crypto.keys.k1")
                        .hasMessageContaining("32 bytes")
                        .hasMessageNotContaining(shortKey));
    }

    @Test
    void failsOnAKeyThatIsNotBase64() {
        context.withPropertyValues("guestgate.crypto.keys.k1=not*base64", "guestgate.crypto.active-key=k1")
                .run(ctx -> assertThat(ctx)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("guestgate.crypto.keys.k1"));
    }

    @Test
    void failsWithoutActiveKey() {
        context.withPropertyValues("guestgate.crypto.keys.k1=" + TokenSealerTest.key(1))
                .run(ctx -> assertThat(ctx)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("guestgate.crypto.active-key"));
    }

    @Test
    void failsWhenActiveKeyIsNotInTheRing() {
        context.withPropertyValues(
                        "guestgate.crypto.keys.k1=" + TokenSealerTest.key(1), "guestgate.crypto.active-key=k9")
                .run(ctx -> assertThat(ctx)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("guestgate.crypto.active-key")
                        .hasMessageContaining("k9"));
    }

    @Test
    void namesEveryBadKeyAndTheActiveKeyAtOnceWithoutEchoingAny() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        Map<String, String> keys =
                new TreeMap<>(Map.of("k1", shortKey, "k2", "not*base64", "k3", TokenSealerTest.key(1)));

        assertThatThrownBy(() -> new CryptoProperties(keys, "k9"))
                .isInstanceOfSatisfying(
                        InvalidPropertiesException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::toString)
                                .containsExactly(
                                        "guestgate.crypto.keys.k1: must be the base64 of exactly 32 bytes (an AES-256 key), "
                                                + "but decodes to 16",
                                        "guestgate.crypto.keys.k2: is not valid base64",
                                        "guestgate.crypto.active-key: names 'k9', which is not in guestgate.crypto.keys"))
                .hasMessageNotContaining(shortKey)
                .hasMessageNotContaining(TokenSealerTest.key(1));
    }

    @Test
    void neverPrintsKeyMaterial() {
        String key = TokenSealerTest.key(1);
        assertThat(new CryptoProperties(java.util.Map.of("k1", key), "k1").toString())
                .doesNotContain(key)
                .contains("k1");
    }

    // Deliberately no @Configuration: DomainConfiguration's component scan would pick it up in other tests.
    @EnableConfigurationProperties(CryptoProperties.class)
    @Import(TokenSealer.class)
    static class CryptoOnly {}
}
