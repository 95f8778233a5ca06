package io.guestgate.platform.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the rules of one settings record all at once. A record's compact constructor notes every rule its values
 * break and ends with {@link #throwIfAny()}; rules that hold only in production go into a
 * {@code productionViolations()} method of the record that returns {@link #list()}. So each record is the one place
 * its rules are written, and startup names every broken one, each with its property.
 * <p>
 * Why this rather than Jakarta Bean Validation: most rules relate two settings (a poll shorter than a lock's lifetime,
 * an active key that must be one of the keys, a match policy that needs a level of assurance) or hold only in
 * production. As constraints they would become {@code @AssertTrue} methods, which the binder reports under the
 * method's name rather than the property's, and validation groups; and the messages, which say what each setting is
 * for, would move into annotation attributes. A record that checks itself is valid wherever it is made, by the binder
 * or by {@code new} in a test, and costs nothing at startup.
 */
public final class Violations {

    private final List<Violation> found = new ArrayList<>();

    /** Notes {@code problem} for {@code property} unless {@code holds}. */
    public Violations require(boolean holds, String property, String problem) {
        if (!holds) {
            add(property, problem);
        }
        return this;
    }

    /** A setting production cannot do without: notes it as missing, saying what to set it to. */
    public Violations required(String value, String property, String what) {
        return require(value != null && !value.isBlank(), property, "missing; set it to " + what);
    }

    /** A duration that must be longer than zero. */
    public Violations positive(Duration value, String property, String problem) {
        return require(value != null && !value.isNegative() && !value.isZero(), property, problem);
    }

    /** A duration that may be zero (often: off) but not negative. */
    public Violations notNegative(Duration value, String property, String problem) {
        return require(value != null && !value.isNegative(), property, problem);
    }

    public Violations add(String property, String problem) {
        return add(new Violation(property, problem));
    }

    public Violations add(Violation violation) {
        found.add(violation);
        return this;
    }

    public Violations addAll(List<Violation> violations) {
        found.addAll(violations);
        return this;
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }

    /** Ends a compact constructor: the record is not made while any of its rules is broken. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidPropertiesException(found);
        }
    }
}
