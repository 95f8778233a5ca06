package io.guestgate.guestlist.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Import;

/** Startup must fail on a bad key ring, with a message that names the property to fix and shows no key. */
class CryptoPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(CryptoOnly.class);

    @Test
    void startsWithAValidKeyRing() {
        context.withPropertyValues("guestgate.crypto.keys.k1=" + TokenSealerTest.key(1), "guestgate.crypto.active-key=k1")
                .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(TokenSealer.class));
    }

    @Test
    void failsWithoutKeys() {
        context.run(ctx -> assertThat(ctx).hasFailed().getFailure()
                .rootCause().hasMessageContaining("guestgate.crypto.keys"));
    }

    @Test
    void failsOnAShortKeyWithoutEchoingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        context.withPropertyValues("guestgate.crypto.keys.k1=" + shortKey, "guestgate.crypto.active-key=k1")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("guestgate.crypto.keys.k1")
                        .hasMessageContaining("32 bytes")
                        .hasMessageNotContaining(shortKey));
    }

    @Test
    void failsOnAKeyThatIsNotBase64() {
        context.withPropertyValues("guestgate.crypto.keys.k1=not*base64", "guestgate.crypto.active-key=k1")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("guestgate.crypto.keys.k1"));
    }

    @Test
    void failsWithoutActiveKey() {
        context.withPropertyValues("guestgate.crypto.keys.k1=" + TokenSealerTest.key(1))
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("guestgate.crypto.active-key"));
    }

    @Test
    void failsWhenActiveKeyIsNotInTheRing() {
        context.withPropertyValues("guestgate.crypto.keys.k1=" + TokenSealerTest.key(1), "guestgate.crypto.active-key=k9")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("guestgate.crypto.active-key")
                        .hasMessageContaining("k9"));
    }

    @Test
    void neverPrintsKeyMaterial() {
        String key = TokenSealerTest.key(1);
        assertThat(new CryptoProperties(java.util.Map.of("k1", key), "k1").toString()).doesNotContain(key).contains("k1");
    }

    // Deliberately no @Configuration: GuestlistConfiguration's component scan would pick it up in other tests.
    @EnableConfigurationProperties(CryptoProperties.class)
    @Import(TokenSealer.class)
    static class CryptoOnly {
    }
}
