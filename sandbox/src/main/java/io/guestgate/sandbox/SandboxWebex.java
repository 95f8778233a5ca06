package io.guestgate.sandbox;

import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.config.EmulatorSeed;
import java.util.List;

/**
 * The Webex emulator, seeded with an organizer, a second person, the bot, the integration organizers link through
 * (its redirect URI is this application's callback), a guest issuer and a Service App.
 */
final class SandboxWebex implements AutoCloseable {

    private final WebexEmulator emulator;

    private SandboxWebex(WebexEmulator emulator) {
        this.emulator = emulator;
    }

    static SandboxWebex start(int port, String publicBaseUrl) {
        EmulatorSeed defaults = EmulatorSeed.defaults();
        EmulatorSeed seed = defaults.withIntegration(
                defaults.integration().withRedirectUris(List.of(publicBaseUrl + "/oauth/webex/callback")));
        try {
            return new SandboxWebex(
                    WebexEmulator.builder().seed(seed).port(port).start());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "The Webex emulator did not start on port " + port
                            + " (set guestgate.sandbox.ports.emulator to a free port, or 0): " + e.getMessage(),
                    e);
        }
    }

    WebexEmulator emulator() {
        return emulator;
    }

    EmulatorSeed seed() {
        return emulator.seed();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
