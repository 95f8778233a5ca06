package io.guestgate.webex.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A PKCE pair (RFC 7636, method S256): keep the {@link #verifier()} server-side with the state, send the
 * {@link #challenge()} in the authorize URL and the verifier in the code exchange. {@link #toString()} hides
 * the verifier.
 */
public record Pkce(String verifier, String challenge) {

    public static final String METHOD = "S256";

    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public Pkce {
        Objects.requireNonNull(verifier, "verifier");
        if (!VERIFIER.matcher(verifier).matches()) {
            throw new IllegalArgumentException("A PKCE verifier is 43-128 unreserved characters (RFC 7636 4.1)");
        }
        if (!challengeOf(verifier).equals(challenge)) {
            throw new IllegalArgumentException("The PKCE challenge does not belong to the verifier");
        }
    }

    /** A fresh pair from 256 random bits. */
    public static Pkce generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return fromVerifier(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Rebuilds the pair from a stored verifier. */
    public static Pkce fromVerifier(String verifier) {
        return new Pkce(verifier, challengeOf(verifier));
    }

    private static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "Pkce[verifier=redacted, challenge=" + challenge + "]";
    }
}
