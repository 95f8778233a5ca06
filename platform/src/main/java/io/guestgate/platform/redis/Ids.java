package io.guestgate.platform.redis;

import java.security.SecureRandom;

/** Random identifiers made only of lowercase letters and digits, so they are safe in keys, URLs and JWT subjects. */
public final class Ids {

    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /** {@code length} characters of 5 bits each. */
    public static String random(int length) {
        char[] id = new char[length];
        for (int i = 0; i < length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
