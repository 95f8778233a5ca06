package io.guestgate.bot.invite.mail;

import io.guestgate.bot.i18n.Language;
import io.guestgate.platform.settings.Violation;
import io.guestgate.platform.settings.Violations;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.mail.autoconfigure.MailProperties;

/**
 * How guest mail is addressed ({@code guestgate.mail.*}). The SMTP relay itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param from            the sender address; when unset, {@code no-reply@<host of guestgate.public-base-url>}
 * @param fromName        the sender's display name
 * @param language        unset (the default): guest mail is written in the language of the organizer's command;
 *                        {@code de} or {@code en}: always in that language. The calendar description is always in both
 * @param reminder        how long before the start the invitation's calendar entry reminds the guest; {@code 0}: no
 *                        reminder
 * @param unverifiedReminder how long before the start a guest who has not confirmed their identity yet gets a
 *                        reminder mail with a fresh link; {@code 0} (the default): none
 * @param organizerCopy   whether the organizer gets their own calendar entry of each meeting (Webex sends them none,
 *                        since GuestGate creates meetings without Webex's mails), kept up to date with every change
 */
@ConfigurationProperties("guestgate.mail")
public record InviteMailProperties(
        String from,
        @DefaultValue("GuestGate") String fromName,
        String language,
        @DefaultValue("15m") java.time.Duration reminder,
        @DefaultValue("0") java.time.Duration unverifiedReminder,
        @DefaultValue("true") boolean organizerCopy) {

    public InviteMailProperties {
        new Violations()
                .require(
                        from == null || isPlainAddress(from),
                        "guestgate.mail.from",
                        "must be a plain mail address, e.g. invitations@guestgate.example.com (the display name goes "
                                + "in guestgate.mail.from-name), was '" + from + "'")
                .require(
                        fromName == null || fromName.chars().noneMatch(Character::isISOControl),
                        "guestgate.mail.from-name",
                        "must be one line of text")
                .notNegative(
                        unverifiedReminder,
                        "guestgate.mail.unverified-reminder",
                        "must be 0 (none) or positive, e.g. 24h")
                .notNegative(reminder, "guestgate.mail.reminder", "must be 0 (no reminder) or positive")
                .require(
                        language == null
                                || language.isBlank()
                                || Language.fromTag(language).isPresent(),
                        "guestgate.mail.language",
                        "must be de, en or unset, was '" + language + "'")
                .throwIfAny();
    }

    /** One address, no display name, nothing a header could carry besides it. */
    private static boolean isPlainAddress(String value) {
        String address = value.strip();
        if (address.isEmpty() || address.chars().anyMatch(c -> Character.isWhitespace(c) || c == '<' || c == '>')) {
            return false;
        }
        try {
            new InternetAddress(address, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    /** Production sends invitations, so it needs the SMTP relay ({@code spring.mail.*}, Spring Boot's own). */
    public static List<Violation> productionViolations(MailProperties smtp) {
        return new Violations()
                .required(smtp.getHost(), "spring.mail.host", "the SMTP relay invitations are sent through")
                .list();
    }

    /** The language of a guest mail sent on behalf of a command written in {@code commandLanguage}. */
    public Language languageFor(Language commandLanguage) {
        return Language.fromTag(language).orElse(commandLanguage);
    }

    /** The sender address, falling back to no-reply at the public host. */
    public String fromAddress(String publicHost) {
        return from != null ? from.strip() : "no-reply@" + publicHost;
    }
}
