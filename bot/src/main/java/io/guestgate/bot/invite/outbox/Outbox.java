package io.guestgate.bot.invite.outbox;

import io.guestgate.platform.redis.Ids;
import java.time.Clock;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Where invitation mail is queued. One call queues one batch atomically: either every mail of it is in the Redis
 * Stream, or none is. Sending happens later, on whichever instance's worker reads the entry.
 */
public final class Outbox {

    private final OutboxStream stream;
    private final Clock clock;

    Outbox(OutboxStream stream, Clock clock) {
        this.stream = stream;
        this.clock = clock;
    }

    /**
     * Queues the batch to go out at {@code due} (with the retries, so a Redis outage or a restart loses nothing) and
     * returns its id; an empty batch queues nothing.
     */
    public Mono<String> schedule(OutboxBatch batch, Instant due) {
        if (batch.invitationIds().isEmpty()) {
            return Mono.empty();
        }
        String batchId = Ids.random(16);
        return stream.schedule(batchId, batch, due, clock.instant()).thenReturn(batchId);
    }

    /** Queues the batch and returns its id; an empty batch queues nothing. */
    public Mono<String> enqueue(OutboxBatch batch) {
        if (batch.invitationIds().isEmpty()) {
            return Mono.empty();
        }
        String batchId = Ids.random(16);
        return stream.enqueue(batchId, batch).thenReturn(batchId);
    }
}
