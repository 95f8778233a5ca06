package io.guestgate.bot.invite.outbox;

import io.guestgate.platform.settings.Violations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mail outbox ({@code guestgate.outbox.*}).
 *
 * @param enabled         whether this instance sends mail; entries are queued either way
 * @param group           the Redis Stream consumer group all instances share
 * @param consumerName    this instance's consumer name; unset means host name plus a random suffix, unique per start
 * @param concurrency     mails this instance sends at once (threads of its bounded mail scheduler)
 * @param pollTimeout     how long one XREADGROUP waits for new entries
 * @param maxAttempts     attempts per mail before it goes to the dead-letter list
 * @param initialBackoff  wait before the second attempt; doubles per attempt, with jitter
 * @param maxBackoff      the longest wait between two attempts
 * @param claimIdle       how long an entry may sit unacknowledged with a consumer before another claims it; keep it
 *                        well above the SMTP timeouts, or a slow send gets sent twice
 * @param claimInterval   how often each instance looks for such entries (XAUTOCLAIM)
 * @param retryInterval   how often due retries are put back on the stream
 * @param shutdownTimeout how long a stopping instance waits for mails it is sending
 * @param deadLetterMax   how many dead letters are kept
 * @param batchTtl        how long a batch's delivery counts are kept for its report
 */
@ConfigurationProperties("guestgate.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("mailers") String group,
        String consumerName,
        @DefaultValue("4") int concurrency,
        @DefaultValue("2s") Duration pollTimeout,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("15s") Duration initialBackoff,
        @DefaultValue("10m") Duration maxBackoff,
        @DefaultValue("5m") Duration claimIdle,
        @DefaultValue("30s") Duration claimInterval,
        @DefaultValue("1s") Duration retryInterval,
        @DefaultValue("30s") Duration shutdownTimeout,
        @DefaultValue("10000") int deadLetterMax,
        @DefaultValue("7d") Duration batchTtl) {

    private static final String POSITIVE = "must be a positive duration";

    public OutboxProperties {
        Violations violations = new Violations()
                .require(
                        group != null && group.matches("[A-Za-z0-9_.-]{1,64}"),
                        "guestgate.outbox.group",
                        "must be 1-64 letters, digits, '.', '_' or '-'")
                .require(
                        consumerName == null || consumerName.matches("[A-Za-z0-9_.-]{1,128}"),
                        "guestgate.outbox.consumer-name",
                        "must be 1-128 letters, digits, '.', '_' or '-'");
        requireRange(violations, concurrency, 1, 256, "guestgate.outbox.concurrency");
        requireRange(violations, maxAttempts, 1, 100, "guestgate.outbox.max-attempts");
        requireRange(violations, deadLetterMax, 1, 10_000_000, "guestgate.outbox.dead-letter-max");
        violations
                .positive(pollTimeout, "guestgate.outbox.poll-timeout", POSITIVE)
                .positive(initialBackoff, "guestgate.outbox.initial-backoff", POSITIVE)
                .positive(maxBackoff, "guestgate.outbox.max-backoff", POSITIVE)
                .positive(claimIdle, "guestgate.outbox.claim-idle", POSITIVE)
                .positive(claimInterval, "guestgate.outbox.claim-interval", POSITIVE)
                .positive(retryInterval, "guestgate.outbox.retry-interval", POSITIVE)
                .positive(batchTtl, "guestgate.outbox.batch-ttl", POSITIVE)
                .notNegative(shutdownTimeout, "guestgate.outbox.shutdown-timeout", "must not be negative")
                .throwIfAny();
    }

    /** The wait before attempt {@code next} (2, 3, ...): exponential, capped, in the upper half at random. */
    public Duration backoffBefore(int next, double random) {
        int doublings = Math.max(0, Math.min(next - 2, 30));
        long millis = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() * (1L << doublings));
        return Duration.ofMillis((long) (millis / 2.0 + millis / 2.0 * random));
    }

    private static void requireRange(Violations violations, int value, int min, int max, String property) {
        violations.require(
                value >= min && value <= max, property, "must be between " + min + " and " + max + ", was " + value);
    }
}
