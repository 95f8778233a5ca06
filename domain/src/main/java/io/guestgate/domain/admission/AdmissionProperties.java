package io.guestgate.domain.admission;

import io.guestgate.platform.settings.Violations;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How guests are admitted ({@code guestgate.admission.*}): the landing applies it, and the bot reads what it needs of
 * it (the language of its messages about guests, and whether every invitation must carry a name).
 *
 * @param matchPolicy              how the verified identity must match the invitation
 * @param requiredAcr              if not empty, the provider's {@code acr} must be one of these levels of assurance
 * @param openMinutesBeforeStart   how long before the start a link opens
 * @param approvalTimeout          how long a guest waits for the organizer under {@code host-approval}
 * @param approvalPollInterval     how often the waiting page asks again
 * @param organizerLanguage        the language of the chat messages about guests: {@code en} or {@code de}
 */
@ConfigurationProperties("guestgate.admission")
public record AdmissionProperties(
        @DefaultValue("email") MatchPolicy matchPolicy,
        @DefaultValue List<String> requiredAcr,
        @DefaultValue("30") int openMinutesBeforeStart,
        @DefaultValue("5m") Duration approvalTimeout,
        @DefaultValue("3s") Duration approvalPollInterval,
        @DefaultValue("en") String organizerLanguage) {

    public AdmissionProperties {
        requiredAcr = requiredAcr == null
                ? List.of()
                : requiredAcr.stream()
                        .map(String::strip)
                        .filter(acr -> !acr.isEmpty())
                        .toList();
        new Violations()
                .require(
                        openMinutesBeforeStart >= 0,
                        "guestgate.admission.open-minutes-before-start",
                        "must not be negative")
                .positive(approvalTimeout, "guestgate.admission.approval-timeout", "must be positive")
                .require(
                        approvalPollInterval != null && approvalPollInterval.compareTo(Duration.ofSeconds(1)) >= 0,
                        "guestgate.admission.approval-poll-interval",
                        "must be at least 1s")
                .require(
                        matchPolicy != MatchPolicy.NAME || !requiredAcr.isEmpty(),
                        "guestgate.admission.required-acr",
                        "must name the levels of assurance the provider has to vouch for under "
                                + "guestgate.admission.match-policy=name. A name alone does not tell two people "
                                + "apart; only a strong identity check (e.g. a bank-backed one) makes the verified "
                                + "name worth matching")
                .require(
                        "en".equals(organizerLanguage) || "de".equals(organizerLanguage),
                        "guestgate.admission.organizer-language",
                        "must be en or de, was '" + organizerLanguage + "'")
                .throwIfAny();
    }

    /** Under the {@code name} policy the invited name is what the verified name must match: every guest needs one. */
    public boolean needsNames() {
        return matchPolicy == MatchPolicy.NAME;
    }
}
