package io.guestgate.platform.settings;

import java.util.Objects;

/**
 * One setting that cannot work: the property's full name, as an operator writes it, and what is wrong with it.
 *
 * @param property e.g. {@code guestgate.webex.webhook-secret}
 * @param problem  what is wrong and, where it helps, what the setting is for; never the value of a secret
 */
public record Violation(String property, String problem) {

    public Violation {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return property + ": " + problem;
    }
}
