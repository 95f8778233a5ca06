package io.guestgate.webex;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds for retries.
 *
 * @param maxAttempts   attempts in total, the first one included (1 disables retries)
 * @param baseBackoff   the first backoff; each further retry doubles it, with jitter
 * @param maxBackoff    the longest backoff between two attempts
 * @param maxRetryAfter the longest {@code Retry-After} (429/423) honoured; longer ones are cut to this
 */
public record RetrySettings(int maxAttempts, Duration baseBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public static final RetrySettings DEFAULTS =
            new RetrySettings(4, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(30));

    /** One attempt, no retries. */
    public static final RetrySettings NONE = new RetrySettings(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetrySettings {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 20, was " + maxAttempts);
        }
        requireNotNegative(baseBackoff, "baseBackoff");
        requireNotNegative(maxBackoff, "maxBackoff");
        requireNotNegative(maxRetryAfter, "maxRetryAfter");
        if (baseBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException("baseBackoff " + baseBackoff + " exceeds maxBackoff " + maxBackoff);
        }
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
