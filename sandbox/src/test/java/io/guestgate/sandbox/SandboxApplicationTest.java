package io.guestgate.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.app.GuestGateApplication;
import io.guestgate.app.config.ProductionSettingsCheck;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's main is the one way to start GuestGate without the production settings check; that it then starts
 * with no production setting given is what {@link SandboxProfileTest} and {@link SandboxShutdownTest} run.
 */
class SandboxApplicationTest {

    @Test
    void theSandboxMainLeavesOutTheCheckThatTheProductionMainHasAndActivatesItsProfile() {
        assertThat(GuestGateApplication.application().getInitializers())
                .hasAtLeastOneElementOfType(ProductionSettingsCheck.class);

        assertThat(SandboxApplication.application().getInitializers())
                .noneMatch(ProductionSettingsCheck.class::isInstance);
        assertThat(SandboxApplication.application().getAdditionalProfiles())
                .containsExactly(SandboxRunListener.PROFILE);
    }
}
