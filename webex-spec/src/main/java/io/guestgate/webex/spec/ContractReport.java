package io.guestgate.webex.spec;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of validating one request or response.
 *
 * @param subject  what was validated, e.g. {@code request POST /v1/meetings}
 * @param spec     the spec file that declares the path, or {@code null} when none does
 * @param errors   contract violations; empty means the traffic conforms
 * @param warnings tolerated deviations (undocumented response fields, error bodies the spec omits)
 */
public record ContractReport(String subject, String spec, List<String> errors, List<String> warnings) {

    public ContractReport {
        Objects.requireNonNull(subject, "subject");
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Multi-line text fit for an assertion message. */
    public String describe() {
        StringBuilder text = new StringBuilder(subject)
                .append(" against ")
                .append(spec == null ? "no spec" : spec)
                .append(": ")
                .append(errors.size())
                .append(" error(s), ")
                .append(warnings.size())
                .append(" warning(s)");
        errors.forEach(error -> text.append("\n  ERROR ").append(error));
        warnings.forEach(warning -> text.append("\n  WARN  ").append(warning));
        return text.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
