package io.guestgate.app.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the settings problems as a list an admin can work through, instead of a stack trace. */
class InvalidSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingsException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set each property above (environment variables work too, e.g. GUESTGATE_WEBEX_BOT_TOKEN). "
                        + "docs/operations.md walks through every one. To try GuestGate without any of them, "
                        + "run the sandbox: ./scripts/sandbox",
                cause);
    }
}
