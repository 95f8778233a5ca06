package io.guestgate.bot;

import io.guestgate.bot.i18n.Language;
import io.guestgate.platform.settings.Violations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the bot takes commands ({@code guestgate.bot.*}). Who may give them is
 * {@link io.guestgate.domain.account.AllowedOrganizers}.
 *
 * @param defaultLanguage     the language of answers when the text does not reveal one
 * @param intake              how webhooks are taken in and processed
 */
@ConfigurationProperties("guestgate.bot")
public record BotProperties(
        @DefaultValue("en") Language defaultLanguage,
        @DefaultValue Intake intake) {

    /**
     * @param dedupeTtl         how long a taken-in event's id is remembered; Webex redelivers within minutes
     * @param concurrency       how many events an instance processes at once
     * @param queueCapacity     how many taken-in events may wait or be in processing, across all instances; when
     *                          that many are, webhooks get 503 and Webex delivers them again later
     * @param processingTimeout the most one event may take, Webex calls included
     * @param shutdownGrace     how long shutdown waits for the events an instance is processing
     * @param claimIdle         how long an event may sit with an instance before another takes it over (that
     *                          instance died while processing it); longer than the processing timeout
     * @param consumerName      this instance's name in the consumer group; by default the host name and a random part
     */
    public record Intake(
            @DefaultValue("24h") Duration dedupeTtl,
            @DefaultValue("8") int concurrency,
            @DefaultValue("1000") int queueCapacity,
            @DefaultValue("2m") Duration processingTimeout,
            @DefaultValue("20s") Duration shutdownGrace,
            @DefaultValue("3m") Duration claimIdle,
            String consumerName) {

        public Intake {
            Violations violations = new Violations()
                    .require(
                            dedupeTtl != null && dedupeTtl.compareTo(Duration.ofMinutes(1)) >= 0,
                            "guestgate.bot.intake.dedupe-ttl",
                            "must be at least 1m")
                    .require(concurrency >= 1, "guestgate.bot.intake.concurrency", "must be at least 1")
                    .require(queueCapacity >= 1, "guestgate.bot.intake.queue-capacity", "must be at least 1")
                    .positive(processingTimeout, "guestgate.bot.intake.processing-timeout", "must be positive")
                    .notNegative(shutdownGrace, "guestgate.bot.intake.shutdown-grace", "must not be negative");
            if (processingTimeout != null) {
                violations.require(
                        claimIdle != null && claimIdle.compareTo(processingTimeout) > 0,
                        "guestgate.bot.intake.claim-idle",
                        "must be longer than guestgate.bot.intake.processing-timeout");
            }
            violations.throwIfAny();
        }
    }
}
