package io.guestgate.bot.invite.outbox;

import io.guestgate.platform.redis.RedisKeys;

/**
 * The outbox's Redis keys. They all share the hash tag {@code outbox}, so that acknowledging an entry, scheduling its
 * retry, dead-lettering it and counting it in its batch happen in one Lua script, also on Redis Cluster.
 */
final class OutboxKeys {

    private static final String TAG = "outbox";

    private final RedisKeys keys;

    OutboxKeys(RedisKeys keys) {
        this.keys = keys;
    }

    /** The stream of mails to send, read by the consumer group. */
    String stream() {
        return keys.tagged(TAG, "stream");
    }

    /** Mails waiting for their next attempt: a sorted set scored by when it is due (epoch millis). */
    String retries() {
        return keys.tagged(TAG, "retry");
    }

    /** Mails given up on, newest first, capped. */
    String deadLetters() {
        return keys.tagged(TAG, "dead");
    }

    /** A batch's counts: total, sent, failed, skipped, and who to report to. */
    String batch(String batchId) {
        return keys.tagged(TAG, "batch", batchId);
    }

    /** The invitations of a batch already counted, so a mail delivered twice is counted once. */
    String batchDone(String batchId) {
        return keys.tagged(TAG, "batch", batchId, "done");
    }

    /** Why mails of a batch failed, one line each, for the report. */
    String batchFailures(String batchId) {
        return keys.tagged(TAG, "batch", batchId, "failures");
    }
}
