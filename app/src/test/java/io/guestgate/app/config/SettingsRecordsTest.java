package io.guestgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** The settings check binds every settings record there is, so no record's rules are left out of its report. */
class SettingsRecordsTest {

    @Test
    void theCheckBindsEverySettingsRecordOfGuestGate() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Set<String> records = Set.of(
                        "io.guestgate.platform",
                        "io.guestgate.domain",
                        "io.guestgate.bot",
                        "io.guestgate.landing",
                        "io.guestgate.app")
                .stream()
                .flatMap(module -> scanner.findCandidateComponents(module).stream())
                .map(definition -> definition.getBeanClassName())
                .collect(Collectors.toSet());

        assertThat(records)
                .hasSizeGreaterThan(15)
                .containsExactlyInAnyOrderElementsOf(
                        SettingsRecords.ALL.stream().map(Class::getName).toList());
    }
}
