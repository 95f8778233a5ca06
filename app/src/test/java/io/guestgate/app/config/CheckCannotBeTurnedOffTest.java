package io.guestgate.app.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.app.GuestGateApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The production application checks its settings whatever the environment says: neither a property nor the profile
 * {@code sandbox} (which once skipped the check) turns it off. Only the sandbox's own main starts without it.
 */
class CheckCannotBeTurnedOffTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--guestgate.startup-check.enabled=false",
                "--guestgate.sandbox.enabled=true",
                "--spring.profiles.active=sandbox"
            })
    void theProductionApplicationChecksItsSettingsWhateverItIsTold(String off) {
        assertThatThrownBy(() -> GuestGateApplication.application()
                        .run("--spring.main.web-application-type=none", off, "--spring.mail.host="))
                .isInstanceOf(InvalidSettingsException.class);
    }
}
