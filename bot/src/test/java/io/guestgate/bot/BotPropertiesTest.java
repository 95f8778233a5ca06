package io.guestgate.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.platform.settings.InvalidPropertiesException;
import io.guestgate.platform.settings.Violation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BotPropertiesTest {

    @Test
    void theIntakeNamesEveryBrokenRuleAtOnce() {
        assertThatThrownBy(() -> new BotProperties.Intake(
                        Duration.ofSeconds(30),
                        0,
                        0,
                        Duration.ZERO,
                        Duration.ofSeconds(-1),
                        Duration.ofMinutes(3),
                        null))
                .isInstanceOfSatisfying(
                        InvalidPropertiesException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::property)
                                .containsExactly(
                                        "guestgate.bot.intake.dedupe-ttl",
                                        "guestgate.bot.intake.concurrency",
                                        "guestgate.bot.intake.queue-capacity",
                                        "guestgate.bot.intake.processing-timeout",
                                        "guestgate.bot.intake.shutdown-grace"));
    }

    @Test
    void anEventIsTakenOverOnlyAfterItsProcessingTimedOut() {
        assertThatThrownBy(() -> new BotProperties.Intake(
                        Duration.ofHours(24),
                        8,
                        1000,
                        Duration.ofMinutes(2),
                        Duration.ofSeconds(20),
                        Duration.ofMinutes(2),
                        null))
                .hasMessage("guestgate.bot.intake.claim-idle: must be longer than "
                        + "guestgate.bot.intake.processing-timeout");
    }
}
