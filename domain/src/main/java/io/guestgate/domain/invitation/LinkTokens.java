package io.guestgate.domain.invitation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Personal link tokens: 256 random bits, base64url. Only their SHA-256 is ever stored. */
public final class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 bytes in unpadded base64url. */
    private static final String FORM = "[A-Za-z0-9_-]{43}";

    private LinkTokens() {}

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code value} could be a link token; anything else is refused before touching Redis. */
    public static boolean isWellFormed(String value) {
        return value != null && value.matches(FORM);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
