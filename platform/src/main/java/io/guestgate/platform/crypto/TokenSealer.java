package io.guestgate.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Seals secrets at rest with AES-256-GCM under the active key of the ring, and opens values sealed under any key
 * still in the ring.
 * <p>
 * A sealed value reads {@code v1.<key id>.<base64url(nonce ‖ ciphertext ‖ tag)>}. The nonce is 96 random bits,
 * fresh for every write; with random nonces one key stays safe for far more writes than token refreshes will ever
 * produce. Because every {@link #seal} uses the active key, a value written under a retired key is re-encrypted
 * the next time its owner writes it.
 */
@Component
public class TokenSealer {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    TokenSealer(CryptoProperties properties) {
        Map<String, SecretKey> ring = new LinkedHashMap<>();
        properties
                .keys()
                .forEach((id, base64) -> ring.put(id, new SecretKeySpec(CryptoProperties.decode(id, base64), "AES")));
        this.keys = Map.copyOf(ring);
        this.activeKeyId = properties.activeKey();
    }

    /** Encrypts {@code plaintext} under the active key, bound to {@code binding}. */
    public String seal(String plaintext, SealBinding binding) {
        if (plaintext == null) {
            throw new IllegalArgumentException("nothing to seal");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher =
                    cipher(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), nonce, binding.associatedData(activeKeyId));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] payload = ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return VERSION + "." + activeKeyId + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new SealingException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts a value from {@link #seal}; throws {@link SealingException} if it is not authentic for the binding. */
    public String open(String sealed, SealBinding binding) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new SealingException("not a sealed value");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new SealingException(
                    "sealed with key '" + parts[1] + "', which is no longer in guestgate.crypto.keys");
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new SealingException("sealed value is not base64url");
        }
        if (payload.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealingException("sealed value is truncated");
        }
        try {
            Cipher cipher = cipher(
                    Cipher.DECRYPT_MODE, key, Arrays.copyOf(payload, NONCE_BYTES), binding.associatedData(parts[1]));
            byte[] plain = cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Deliberately no detail: altered ciphertext and a foreign binding look the same from here.
            throw new SealingException("sealed value is not authentic for " + binding.purpose());
        }
    }

    /** True when {@code sealed} was written under the active key, i.e. needs no re-encryption. */
    public boolean isSealedWithActiveKey(String sealed) {
        return sealed != null && sealed.startsWith(VERSION + "." + activeKeyId + ".");
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, byte[] associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData);
        return cipher;
    }
}
