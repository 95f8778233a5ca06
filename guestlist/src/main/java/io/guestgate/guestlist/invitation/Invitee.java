package io.guestgate.guestlist.invitation;

import java.util.Locale;
import java.util.Objects;

/**
 * A person the organizer invited. Validated here once, so no name or address can smuggle line breaks into a mail
 * header or a calendar line later.
 */
public record Invitee(String name, String email) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 254;

    public Invitee {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        name = name.strip();
        email = email.strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || hasControlCharacter(name)) {
            throw new IllegalArgumentException("An invitee's name must be 1-" + MAX_NAME_LENGTH
                    + " characters without line breaks or control characters");
        }
        if (email.isEmpty() || email.length() > MAX_EMAIL_LENGTH || hasControlCharacter(email)
                || email.indexOf('@') < 1 || email.indexOf('@') == email.length() - 1) {
            throw new IllegalArgumentException("An invitee needs a valid email address");
        }
    }

    /** The address as compared: case-insensitive, as every mail system in practice treats it. */
    public String normalizedEmail() {
        return email.toLowerCase(Locale.ROOT);
    }

    private static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }
}
