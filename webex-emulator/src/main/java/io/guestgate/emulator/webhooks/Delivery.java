package io.guestgate.emulator.webhooks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One envelope sent (or being sent) to a webhook's target, with every attempt's outcome.
 *
 * @param body the exact bytes sent, as UTF-8 text; {@code signature} is their HMAC-SHA1 with the webhook secret
 * @param duplicateOf the delivery this one re-sends byte for byte, for at-least-once tests
 * @param dropped an armed delivery fault dropped it: it was never sent, and has no attempts
 * @param delayMillis an armed delivery fault held its first attempt back this long
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivery(
        String id,
        String webhookId,
        String targetUrl,
        String resource,
        String event,
        String dataId,
        String body,
        String signature,
        String duplicateOf,
        boolean dropped,
        Long delayMillis,
        List<Attempt> attempts) {

    /** One POST: the HTTP status, or 0 with an error when no answer came. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(int status, String error, Instant time) {
        public boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        attempts = List.copyOf(attempts);
    }

    @JsonIgnore
    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether some attempt got a 2xx answer. */
    public boolean delivered() {
        return attempts.stream().anyMatch(Attempt::succeeded);
    }

    /** The status codes of the attempts, in order (0 where the target did not answer). */
    public List<Integer> statuses() {
        return attempts.stream().map(Attempt::status).toList();
    }

    Delivery with(Attempt attempt) {
        List<Attempt> more = new ArrayList<>(attempts);
        more.add(attempt);
        return new Delivery(
                id,
                webhookId,
                targetUrl,
                resource,
                event,
                dataId,
                body,
                signature,
                duplicateOf,
                dropped,
                delayMillis,
                more);
    }

    Delivery asDropped() {
        return new Delivery(
                id,
                webhookId,
                targetUrl,
                resource,
                event,
                dataId,
                body,
                signature,
                duplicateOf,
                true,
                delayMillis,
                attempts);
    }

    Delivery delayedBy(long millis) {
        return new Delivery(
                id,
                webhookId,
                targetUrl,
                resource,
                event,
                dataId,
                body,
                signature,
                duplicateOf,
                dropped,
                millis,
                attempts);
    }
}
