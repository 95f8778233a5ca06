package io.guestgate.emulator.faults;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import java.util.Objects;

/**
 * The next {@code count} calls matching {@code route} ("POST /v1/meetings", "* /v1/meetings/{id}", "GET /v1/**") are
 * delayed by {@code delayMillis} and, if {@code status} is set, answered with that status (and {@code Retry-After}).
 * With {@code answerLost}, the call is carried out first and only its answer is held back for {@code delayMillis}:
 * a caller that gives up before then does not know that Webex did the work (a create that "timed out").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fault(
        String route, int count, Integer status, Integer retryAfterSeconds, Long delayMillis, Boolean answerLost) {

    public Fault(String route, int count, Integer status, Integer retryAfterSeconds, Long delayMillis) {
        this(route, count, status, retryAfterSeconds, delayMillis, null);
    }

    public Fault {
        Objects.requireNonNull(route, "route");
        String[] parts = route.trim().split("\\s+");
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException("route must be '<METHOD|*> <path pattern>', e.g. 'POST /v1/meetings'");
        }
        route = parts[0].toUpperCase(Locale.ROOT) + " " + parts[1];
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        if (status == null && delayMillis == null) {
            throw new IllegalArgumentException("a fault needs a status, a delay or both");
        }
        if (status != null && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("status must be an error status (4xx or 5xx)");
        }
        if (retryAfterSeconds == null && status != null && status == 429) {
            retryAfterSeconds = 1;
        }
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative");
        }
        if (delayMillis != null && delayMillis < 0) {
            throw new IllegalArgumentException("delayMillis must not be negative");
        }
        if (Boolean.TRUE.equals(answerLost) && (status != null || delayMillis == null)) {
            throw new IllegalArgumentException("a lost answer needs a delay and no status: the call itself succeeds");
        }
    }

    /** The next {@code count} calls to the route answer {@code status}. */
    public static Fault status(String route, int status, int count) {
        return new Fault(route, count, status, null, null);
    }

    /** The next {@code count} calls to the route are slowed down by {@code delayMillis}, then served normally. */
    public static Fault delay(String route, long delayMillis, int count) {
        return new Fault(route, count, null, null, delayMillis);
    }

    /** The next {@code count} calls to the route are carried out, but their answers come {@code delayMillis} late. */
    public static Fault answerLost(String route, long delayMillis, int count) {
        return new Fault(route, count, null, null, delayMillis, true);
    }

    public Fault withRetryAfter(int seconds) {
        return new Fault(route, count, status, seconds, delayMillis, answerLost);
    }

    public Fault withDelay(long millis) {
        return new Fault(route, count, status, retryAfterSeconds, millis, answerLost);
    }

    String method() {
        return route.substring(0, route.indexOf(' '));
    }

    String pathPattern() {
        return route.substring(route.indexOf(' ') + 1);
    }
}
