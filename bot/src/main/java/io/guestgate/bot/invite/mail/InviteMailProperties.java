package io.guestgate.bot.invite.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.guestgate.bot.invite.MailLanguage;

/**
 * How guest mail is addressed ({@code guestgate.mail.*}). The SMTP relay itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param from            the sender address; when unset, {@code no-reply@<host of guestgate.public-base-url>}
 * @param fromName        the sender's display name
 * @param defaultLanguage the language of guest mail when the organizer's command does not tell ({@code de} or
 *                        {@code en}); the calendar description is always in both
 */
@ConfigurationProperties("guestgate.mail")
public record InviteMailProperties(
        String from,
        @DefaultValue("GuestGate") String fromName,
        @DefaultValue("de") String defaultLanguage) {

    public InviteMailProperties {
        if (from != null && (from.isBlank() || from.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("guestgate.mail.from must be a plain mail address, e.g. "
                    + "invitations@guestgate.example.com");
        }
        if (fromName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("guestgate.mail.from-name must be one line of text");
        }
        if (MailLanguage.fromCode(defaultLanguage).isEmpty()) {
            throw new IllegalArgumentException("guestgate.mail.default-language must be de or en, was: "
                    + defaultLanguage);
        }
    }

    public MailLanguage language() {
        return MailLanguage.fromCode(defaultLanguage).orElseThrow();
    }

    /** The sender address, falling back to no-reply at the public host. */
    public String fromAddress(String publicHost) {
        return from != null ? from.strip() : "no-reply@" + publicHost;
    }
}
