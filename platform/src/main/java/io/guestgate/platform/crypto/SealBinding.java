package io.guestgate.platform.crypto;

import java.nio.charset.StandardCharsets;

/**
 * What a sealed value belongs to. It becomes the AES-GCM associated data, so a value sealed for one owner or
 * purpose fails to open under any other: a token copied into another account's record is useless.
 *
 * @param purpose what the value is, e.g. {@code organizer-access-token}
 * @param owner   whom it belongs to, e.g. a Webex person id
 */
public record SealBinding(String purpose, String owner) {

    public SealBinding {
        requireText("purpose", purpose);
        requireText("owner", owner);
    }

    /** Key id first, so a value can never be re-labelled with another key's id and still open. */
    byte[] associatedData(String keyId) {
        return String.join("\0", "guestgate-seal-v1", keyId, purpose, owner).getBytes(StandardCharsets.UTF_8);
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        // NUL separates the parts of the associated data; allowing it would make two bindings collide.
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(name + " must not contain NUL");
        }
    }
}
