package io.guestgate.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenSealerTest {

    private static final String KEY_1 = key(1);
    private static final String KEY_2 = key(2);
    private static final SealBinding ANNA_ACCESS = new SealBinding("organizer-access-token", "person-anna");

    private final TokenSealer sealer = sealer(Map.of("k1", KEY_1), "k1");

    @Test
    void opensWhatItSealed() {
        String sealed = sealer.seal("secret-access-token", ANNA_ACCESS);

        assertThat(sealer.open(sealed, ANNA_ACCESS)).isEqualTo("secret-access-token");
    }

    @Test
    void sealedValueCarriesKeyIdButNoPlaintext() {
        String sealed = sealer.seal("secret-access-token", ANNA_ACCESS);

        assertThat(sealed).startsWith("v1.k1.").doesNotContain("secret-access-token");
        assertThat(new String(Base64.getUrlDecoder().decode(sealed.substring("v1.k1.".length()))))
                .doesNotContain("secret");
    }

    @Test
    void usesAFreshNonceForEveryWrite() {
        assertThat(sealer.seal("same", ANNA_ACCESS)).isNotEqualTo(sealer.seal("same", ANNA_ACCESS));
    }

    @Test
    void refusesValueMovedToAnotherOwner() {
        String sealed = sealer.seal("secret-access-token", ANNA_ACCESS);

        assertThatThrownBy(() -> sealer.open(sealed, new SealBinding("organizer-access-token", "person-mallory")))
                .isInstanceOf(SealingException.class)
                .hasMessageNotContaining("secret-access-token");
    }

    @Test
    void refusesValueMovedToAnotherPurpose() {
        String sealed = sealer.seal("secret-access-token", ANNA_ACCESS);

        assertThatThrownBy(() -> sealer.open(sealed, new SealBinding("organizer-refresh-token", "person-anna")))
                .isInstanceOf(SealingException.class);
    }

    @Test
    void refusesAlteredCiphertext() {
        String sealed = sealer.seal("secret-access-token", ANNA_ACCESS);
        byte[] payload = Base64.getUrlDecoder().decode(sealed.substring("v1.k1.".length()));
        payload[payload.length - 1] ^= 1;
        String altered = "v1.k1." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);

        assertThatThrownBy(() -> sealer.open(altered, ANNA_ACCESS)).isInstanceOf(SealingException.class);
    }

    @Test
    void refusesValueRelabelledWithAnotherKeyId() {
        TokenSealer twoKeys = sealer(Map.of("k1", KEY_1, "k2", KEY_1), "k1");
        String sealed = twoKeys.seal("secret-access-token", ANNA_ACCESS);

        // Same key bytes under another id: the key id is part of the associated data, so it still fails.
        assertThatThrownBy(() -> twoKeys.open(sealed.replace("v1.k1.", "v1.k2."), ANNA_ACCESS))
                .isInstanceOf(SealingException.class);
    }

    @Test
    void readsValuesSealedUnderARetiredKeyAndSealsNewOnesWithTheActiveKey() {
        String old = sealer.seal("old-token", ANNA_ACCESS);
        TokenSealer rotated = sealer(Map.of("k1", KEY_1, "k2", KEY_2), "k2");

        assertThat(rotated.open(old, ANNA_ACCESS)).isEqualTo("old-token");
        assertThat(rotated.isSealedWithActiveKey(old)).isFalse();
        String resealed = rotated.seal("old-token", ANNA_ACCESS);
        assertThat(resealed).startsWith("v1.k2.");
        assertThat(rotated.isSealedWithActiveKey(resealed)).isTrue();
    }

    @Test
    void namesTheMissingKeyWhenAValueOutlivesItsKey() {
        String old = sealer.seal("old-token", ANNA_ACCESS);
        TokenSealer withoutK1 = sealer(Map.of("k2", KEY_2), "k2");

        assertThatThrownBy(() -> withoutK1.open(old, ANNA_ACCESS))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("'k1'")
                .hasMessageContaining("guestgate.crypto.keys");
    }

    @Test
    void refusesGarbage() {
        assertThatThrownBy(() -> sealer.open("plain-token", ANNA_ACCESS)).isInstanceOf(SealingException.class);
        assertThatThrownBy(() -> sealer.open("v1.k1.!!!", ANNA_ACCESS)).isInstanceOf(SealingException.class);
        assertThatThrownBy(() -> sealer.open("v1.k1.AAAA", ANNA_ACCESS)).isInstanceOf(SealingException.class);
    }

    static String key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return Base64.getEncoder().encodeToString(key);
    }

    private static TokenSealer sealer(Map<String, String> keys, String active) {
        return new TokenSealer(new CryptoProperties(keys, active));
    }
}
