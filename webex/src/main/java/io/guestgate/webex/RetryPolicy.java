package io.guestgate.webex;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * When to try a call again, and after how long.
 * <ul>
 *   <li>429 and 423 (any method): after {@code Retry-After}, cut to {@link RetrySettings#maxRetryAfter()};
 *       without the header, after the backoff.</li>
 *   <li>5xx, timeouts and broken connections: only for GET, PUT and DELETE, after exponential backoff with
 *       jitter. A POST that reached the server may have acted (a second create would make a second
 *       meeting), so it is never repeated.</li>
 *   <li>No connection made at all: any method, since the request never left.</li>
 * </ul>
 */
final class RetryPolicy {

    private static final Logger log = LoggerFactory.getLogger(WebexClient.class);
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE);

    private final RetrySettings settings;
    private final DoubleSupplier random;

    RetryPolicy(RetrySettings settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    Retry forCall(HttpMethod method, String path) {
        boolean idempotent = IDEMPOTENT.contains(method);
        return Retry.from(signals -> signals.concatMap(signal -> {
            Throwable failure = signal.failure();
            int attempt = (int) signal.totalRetries() + 1;
            Optional<Duration> delay = attempt < settings.maxAttempts() && failure instanceof WebexApiException e
                    ? delayBefore(attempt + 1, e, idempotent)
                    : Optional.empty();
            if (delay.isEmpty()) {
                return Mono.error(failure);
            }
            log.info(
                    "Webex {} {} failed on attempt {}/{} ({}); retrying in {} ms",
                    method,
                    path,
                    attempt,
                    settings.maxAttempts(),
                    reason((WebexApiException) failure),
                    delay.get().toMillis());
            return Mono.delay(delay.get()).thenReturn(attempt);
        }));
    }

    /** The wait before attempt number {@code next} (2 for the first retry), or empty for "do not retry". */
    Optional<Duration> delayBefore(int next, WebexApiException failure, boolean idempotent) {
        int status = failure.status();
        if (status == 429 || status == 423) {
            return Optional.of(failure.retryAfter()
                    .map(wait -> wait.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : wait)
                    .orElseGet(() -> backoff(next)));
        }
        boolean serverOrTransport = status >= 500 || failure.isConnectionFailure();
        if (serverOrTransport && (idempotent || failure.neverConnected())) {
            return Optional.of(backoff(next));
        }
        return Optional.empty();
    }

    /** base × 2^(retry−1), capped, then "equal jitter": a random point in its upper half. */
    Duration backoff(int next) {
        int retry = next - 1;
        long base = settings.baseBackoff().toMillis();
        long cap = settings.maxBackoff().toMillis();
        long exponential = retry >= 31 ? cap : Math.min(cap, base * (1L << (retry - 1)));
        long half = exponential / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (exponential - half)));
    }

    private static String reason(WebexApiException failure) {
        return failure.status() > 0
                ? "status " + failure.status()
                : failure.kind().name();
    }
}
