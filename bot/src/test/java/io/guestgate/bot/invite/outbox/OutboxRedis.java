package io.guestgate.bot.invite.outbox;

import io.guestgate.domain.testing.LocalRedis;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.PendingMessagesSummary;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Looks into the outbox's keys directly, to check that nothing is left behind or lost. It has a connection of its
 * own, so it still works after the contexts under test are closed.
 */
final class OutboxRedis implements AutoCloseable {

    private final LocalRedis local;
    private final StringRedisTemplate redis;
    private final String prefix;

    OutboxRedis(String prefix) {
        this.local = new LocalRedis().open();
        this.redis = local.blocking();
        this.prefix = prefix;
    }

    @Override
    public void close() {
        local.close();
    }

    StringRedisTemplate template() {
        return redis;
    }

    String stream() {
        return prefix + "{outbox}:stream";
    }

    long pending() {
        PendingMessagesSummary summary = redis.opsForStream().pending(stream(), "mailers");
        return summary == null ? 0 : summary.getTotalPendingMessages();
    }

    /** The consumers holding unacknowledged entries. */
    PendingMessages pendingDetails() {
        return redis.opsForStream().pending(stream(), "mailers", Range.unbounded(), 100);
    }

    long streamLength() {
        Long size = redis.opsForStream().size(stream());
        return size == null ? 0 : size;
    }

    long retries() {
        Long size = redis.opsForZSet().size(prefix + "{outbox}:retry");
        return size == null ? 0 : size;
    }

    long deadLetters() {
        Long size = redis.opsForList().size(prefix + "{outbox}:dead");
        return size == null ? 0 : size;
    }

    String newestDeadLetter() {
        return redis.opsForList().index(prefix + "{outbox}:dead", 0);
    }
}
