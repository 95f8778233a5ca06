package io.guestgate.app.config;

import java.util.List;

/** The settings GuestGate was started with cannot work; each entry names a property and what is wrong with it. */
public class InvalidSettingsException extends RuntimeException {

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super("GuestGate's settings are incomplete:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
