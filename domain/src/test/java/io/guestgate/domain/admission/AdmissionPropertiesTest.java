package io.guestgate.domain.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.guestgate.platform.settings.InvalidPropertiesException;
import io.guestgate.platform.settings.Violation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionPropertiesTest {

    @Test
    void theNamePolicyNeedsARequiredLevelOfAssurance() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(MatchPolicy.NAME, List.of()))
                .withMessageStartingWith("guestgate.admission.required-acr")
                .withMessageContaining("name");
        assertThat(properties(MatchPolicy.NAME, List.of("high")).requiredAcr()).containsExactly("high");
        assertThat(properties(MatchPolicy.EMAIL, List.of()).requiredAcr()).isEmpty();
    }

    @Test
    void namesEveryBrokenRuleAtOnce() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AdmissionProperties(
                        MatchPolicy.NAME, List.of(" "), -1, Duration.ZERO, Duration.ofMillis(500), "fr"))
                .isInstanceOfSatisfying(
                        InvalidPropertiesException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::property)
                                .containsExactly(
                                        "guestgate.admission.open-minutes-before-start",
                                        "guestgate.admission.approval-timeout",
                                        "guestgate.admission.approval-poll-interval",
                                        "guestgate.admission.required-acr",
                                        "guestgate.admission.organizer-language"));
    }

    private static AdmissionProperties properties(MatchPolicy policy, List<String> acr) {
        return new AdmissionProperties(policy, acr, 30, Duration.ofMinutes(5), Duration.ofSeconds(3), "en");
    }
}
