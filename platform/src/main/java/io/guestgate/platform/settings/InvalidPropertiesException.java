package io.guestgate.platform.settings;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A settings record refused its values: every rule it broke, not just the first. An
 * {@link IllegalArgumentException}, so that the binder reports it like any other invalid value.
 */
public class InvalidPropertiesException extends IllegalArgumentException {

    private final List<Violation> violations;

    public InvalidPropertiesException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("\n")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("An invalid setting needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidPropertiesException(String property, String problem) {
        this(List.of(new Violation(property, problem)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
