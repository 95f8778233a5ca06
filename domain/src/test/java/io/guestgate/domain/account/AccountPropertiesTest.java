package io.guestgate.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.platform.settings.InvalidPropertiesException;
import io.guestgate.platform.settings.Violation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccountPropertiesTest {

    @Test
    void namesThePropertyOfAnUnusableDuration() {
        assertThatThrownBy(() -> new AccountProperties(
                        Duration.ZERO, Duration.ofMinutes(5), Duration.ofSeconds(20), Duration.ofMillis(100)))
                .hasMessageContaining("guestgate.account.link-state-ttl");
        assertThatThrownBy(() -> new AccountProperties(
                        Duration.ofMinutes(10), Duration.ofMinutes(-1), Duration.ofSeconds(20), Duration.ofMillis(100)))
                .hasMessageContaining("guestgate.account.refresh-skew");
        assertThatThrownBy(() -> new AccountProperties(
                        Duration.ofMinutes(10), Duration.ofMinutes(5), null, Duration.ofMillis(100)))
                .hasMessageContaining("guestgate.account.refresh-lock-ttl");
    }

    @Test
    void namesEveryBrokenRuleAtOnce() {
        assertThatThrownBy(() -> new AccountProperties(
                        Duration.ZERO, Duration.ofMinutes(-1), Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(
                        InvalidPropertiesException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::property)
                                .containsExactlyInAnyOrder(
                                        "guestgate.account.link-state-ttl",
                                        "guestgate.account.refresh-skew",
                                        "guestgate.account.refresh-poll"));
    }

    @Test
    void refusesAPollIntervalThatOutlastsTheLock() {
        assertThatThrownBy(() -> new AccountProperties(
                        Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .hasMessageContaining("guestgate.account.refresh-poll");
    }
}
