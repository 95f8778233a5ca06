package io.guestgate.domain.invitation;

import java.net.IDN;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A person the organizer invited. Validated here once, so no name or address can smuggle line breaks into a mail
 * header or a calendar line later.
 *
 * @param language     {@code de} or {@code en} when the organizer chose the guest's language (their mail and pages
 *                     are in it), else null: the mail follows the organizer's command, the pages the browser
 * @param hostApproval true when the organizer asked to admit this guest themselves: whoever verifies with the link
 *                     waits for the organizer's Admit, whatever the meeting's match policy
 */
public record Invitee(String name, String email, String language, boolean hostApproval) {

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
        if (email.isEmpty()
                || email.length() > MAX_EMAIL_LENGTH
                || hasControlCharacter(email)
                || email.indexOf('@') < 1
                || email.indexOf('@') == email.length() - 1) {
            throw new IllegalArgumentException("An invitee needs a valid email address");
        }
        if (language != null && !language.equals("de") && !language.equals("en")) {
            throw new IllegalArgumentException("An invitee's language is de, en or none");
        }
    }

    /** An invitee in the organizer's language, matched by the meeting's policy. */
    public Invitee(String name, String email) {
        this(name, email, null, false);
    }

    /** The same invitee with mail and pages in {@code newLanguage} ({@code de}, {@code en}, or null for none). */
    public Invitee withLanguage(String newLanguage) {
        return new Invitee(name, email, newLanguage, hostApproval);
    }

    /**
     * The address as the guest list keys it (one invitation per address and meeting, {@code remove} by address):
     * case-insensitive, as every mail system in practice treats it. Identities are matched on {@link #asciiEmail()}.
     */
    public String normalizedEmail() {
        return email.toLowerCase(Locale.ROOT);
    }

    /** This invitee's address as identities are compared with it; see {@link #asciiEmail(String)}. */
    public Optional<String> asciiEmail() {
        return asciiEmail(email);
    }

    /**
     * An address in the one form in which two addresses are compared: all ASCII, lower case, an international domain
     * as punycode ({@code bücher.example} is {@code xn--bcher-kva.example}). Empty when there is no such form: no
     * {@code @}, an empty part, a domain that is no valid international name, or a local part with anything but
     * printable ASCII. A non-ASCII local part is never case-folded into an ASCII one: U+212A KELVIN SIGN lower-cases
     * to {@code k}, yet an address spelled with it is not {@code kelvin@example.com}.
     */
    public static Optional<String> asciiEmail(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String stripped = address.strip();
        int at = stripped.lastIndexOf('@');
        if (at < 1 || at == stripped.length() - 1) {
            return Optional.empty();
        }
        String local = stripped.substring(0, at);
        if (!local.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            return Optional.empty();
        }
        try {
            String domain = IDN.toASCII(stripped.substring(at + 1));
            if (domain.isEmpty() || !domain.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                return Optional.empty();
            }
            return Optional.of(local.toLowerCase(Locale.ROOT) + "@" + domain.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }
}
