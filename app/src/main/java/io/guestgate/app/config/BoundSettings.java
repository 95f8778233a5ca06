package io.guestgate.app.config;

import io.guestgate.platform.settings.InvalidPropertiesException;
import io.guestgate.platform.settings.Violation;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.annotation.MergedAnnotations;

/**
 * Binds settings records as the application is about to, and keeps every violation they report, each once: a record
 * that refuses its values, a value that cannot be converted, and the production rules the bound records add.
 */
final class BoundSettings {

    private final Binder binder;
    private final Map<Class<?>, Optional<?>> records = new HashMap<>();
    private final Set<String> problems = new LinkedHashSet<>();

    BoundSettings(Binder binder) {
        this.binder = binder;
    }

    /** The record bound from its {@code @ConfigurationProperties} prefix; empty when it refused its values. */
    <T> Optional<T> record(Class<T> type) {
        @SuppressWarnings("unchecked")
        Optional<T> record = (Optional<T>) records.computeIfAbsent(type, unbound -> bindOrCreate(prefix(type), type));
        return record;
    }

    /** Settings Spring Boot owns, bound into its own properties class; empty when they cannot be read. */
    <T> Optional<T> spring(String prefix, Class<T> type) {
        return bindOrCreate(prefix, type);
    }

    /** Like {@link #spring}, but empty also when nothing under {@code prefix} is set. */
    <T> Optional<T> springIfSet(String prefix, Class<T> type) {
        try {
            return Optional.ofNullable(binder.bind(prefix, Bindable.of(type)).orElse(null));
        } catch (RuntimeException invalid) {
            report(invalid);
            return Optional.empty();
        }
    }

    void report(List<Violation> violations) {
        violations.forEach(violation -> problems.add(violation.toString()));
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private <T> Optional<T> bindOrCreate(String prefix, Class<T> type) {
        try {
            return Optional.of(binder.bindOrCreate(prefix, Bindable.of(type)));
        } catch (RuntimeException invalid) {
            report(invalid);
            return Optional.empty();
        }
    }

    private void report(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidPropertiesException invalid) {
                report(invalid.violations());
                return;
            }
        }
        if (!(failure instanceof BindException unreadable)) {
            throw failure;
        }
        ConfigurationProperty property = unreadable.getProperty();
        String name = (property != null ? property.getName() : unreadable.getName()).toString();
        Object value = property != null ? property.getValue() : null;
        Class<?> type = unreadable.getTarget().getType().resolve(Object.class);
        if (type.isEnum() && value != null) {
            problems.add(name + ": must be " + choices(type) + ", was '" + value + "'");
        } else if (type == URI.class && value != null) {
            problems.add(name + ": is not a URL: '" + value + "'");
        } else {
            // Spring's own message says what the value should look like.
            problems.add(name + ": cannot be read as " + type.getSimpleName() + " (" + rootMessage(failure) + ")");
        }
    }

    /** An enum's values as they are written in the settings, e.g. {@code service-app or guest-issuer}. */
    private static String choices(Class<?> enumType) {
        List<String> names = Arrays.stream(enumType.getEnumConstants())
                .map(constant ->
                        ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .toList();
        return names.size() == 1
                ? names.get(0)
                : names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", ")) + " or "
                        + names.get(names.size() - 1);
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static String prefix(Class<?> type) {
        return MergedAnnotations.from(type).get(ConfigurationProperties.class).getString("prefix");
    }
}
