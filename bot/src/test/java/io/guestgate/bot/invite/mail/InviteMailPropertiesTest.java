package io.guestgate.bot.invite.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.platform.settings.InvalidPropertiesException;
import io.guestgate.platform.settings.Violation;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.mail.autoconfigure.MailProperties;

class InviteMailPropertiesTest {

    @Test
    void namesEveryBrokenRuleAtOnce() {
        assertThatThrownBy(() -> new InviteMailProperties(
                        " ", "Guest\nGate", "fr", Duration.ofMinutes(-15), Duration.ofHours(-1), true))
                .isInstanceOfSatisfying(
                        InvalidPropertiesException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::property)
                                .containsExactly(
                                        "guestgate.mail.from",
                                        "guestgate.mail.from-name",
                                        "guestgate.mail.unverified-reminder",
                                        "guestgate.mail.reminder",
                                        "guestgate.mail.language"));
    }

    @Test
    void aSenderWithADisplayNameIsRefusedWithWhereTheNameGoes() {
        assertThatThrownBy(() -> new InviteMailProperties(
                        "GuestGate <guestgate@example.com>", "GuestGate", null, Duration.ZERO, Duration.ZERO, true))
                .isInstanceOfSatisfying(
                        InvalidPropertiesException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::toString)
                                .containsExactly("guestgate.mail.from: must be a plain mail address, e.g. "
                                        + "invitations@guestgate.example.com (the display name goes in "
                                        + "guestgate.mail.from-name), was 'GuestGate <guestgate@example.com>'"));
        assertThat(new InviteMailProperties(
                                "invitations@guestgate.example.com",
                                "GuestGate",
                                null,
                                Duration.ZERO,
                                Duration.ZERO,
                                true)
                        .fromAddress("guestgate.example.com"))
                .isEqualTo("invitations@guestgate.example.com");
    }

    @Test
    void productionNeedsTheSmtpRelay() {
        MailProperties smtp = new MailProperties();

        assertThat(InviteMailProperties.productionViolations(smtp))
                .extracting(Violation::toString)
                .containsExactly("spring.mail.host: missing; set it to the SMTP relay invitations are sent through");
        smtp.setHost("smtp.example.com");
        assertThat(InviteMailProperties.productionViolations(smtp)).isEmpty();
    }
}
