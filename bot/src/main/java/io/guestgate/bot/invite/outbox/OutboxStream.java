package io.guestgate.bot.invite.outbox;

import io.guestgate.platform.redis.Json;
import io.guestgate.platform.redis.StreamGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The outbox's Redis side: the stream, its consumer group, retries, dead letters and batch counts. */
final class OutboxStream {

    private final ReactiveStringRedisTemplate redis;
    private final OutboxKeys keys;
    private final OutboxProperties properties;
    private final StreamGroup group;

    OutboxStream(ReactiveStringRedisTemplate redis, OutboxKeys keys, OutboxProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.properties = properties;
        this.group = new StreamGroup(redis, keys.stream(), properties.group());
    }

    /**
     * A stream entry: its id, what to send (null when its fields do not parse), and how often the group has handed
     * it out (more than once only when it was claimed from a consumer that did not settle it).
     */
    record Pending(String id, OutboxEntry entry, long deliveries) {

        static Pending parse(StreamGroup.Entry entry) {
            return parse(entry.id(), entry.fields(), entry.deliveries());
        }

        static Pending parse(String id, Map<?, ?> fields, long deliveries) {
            try {
                return new Pending(id, OutboxEntry.of(fields), deliveries);
            } catch (IllegalArgumentException malformed) {
                return new Pending(id, null, deliveries);
            }
        }
    }

    /** Where a settled entry's batch stands; {@code report} is true for exactly one settle per batch. */
    record BatchState(long total, long sent, long failed, long skipped, boolean report) {}

    Mono<Long> enqueue(String batchId, OutboxBatch batch) {
        List<String> args = batchArgs(batchId, batch, properties.batchTtl());
        args.addAll(batch.invitationIds());
        return single(redis.execute(OutboxScripts.ENQUEUE, List.of(keys.stream(), keys.batch(batchId)), args));
    }

    /** Like {@link #enqueue}, but the entries go out at {@code due}; the batch is kept until then and its TTL after. */
    Mono<Long> schedule(String batchId, OutboxBatch batch, Instant due, Instant now) {
        Duration wait = Duration.between(now, due);
        List<String> args =
                batchArgs(batchId, batch, properties.batchTtl().plus(wait.isNegative() ? Duration.ZERO : wait));
        args.add(Long.toString(due.toEpochMilli()));
        args.addAll(batch.invitationIds());
        return single(redis.execute(OutboxScripts.SCHEDULE, List.of(keys.retries(), keys.batch(batchId)), args));
    }

    /** The arguments both scripts start with: batch TTL, organizer, meeting, title, purpose, language, batch id. */
    private static List<String> batchArgs(String batchId, OutboxBatch batch, Duration ttl) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(ttl.toMillis()));
        args.add(batch.organizerPersonId());
        args.add(batch.meetingId());
        args.add(batch.meetingTitle());
        args.add(batch.purpose().name());
        args.add(batch.language().name());
        args.add(batchId);
        return args;
    }

    /** Creates the consumer group, reading from the very first entry, unless it exists. */
    Mono<Void> ensureGroup() {
        return group.ensureGroup();
    }

    /** What a reader sends next: an entry it holds already (a read it had given up on), else a new one. */
    Flux<Pending> next(String consumer) {
        return group.next(consumer, properties.pollTimeout()).map(Pending::parse);
    }

    /** Entries this consumer holds already, then those consumers of dead instances held too long. */
    Flux<Pending> takeOver(String consumer, int count) {
        return group.takeOver(consumer, properties.claimIdle(), count).map(Pending::parse);
    }

    /** Removes consumers that hold nothing and have been idle for {@code idle}; returns how many. */
    Mono<Long> prune(Duration idle) {
        return group.prune(idle);
    }

    /** Puts retries that are due back onto the stream. */
    Mono<Long> promoteDue(Instant now, int limit) {
        return single(redis.execute(
                OutboxScripts.PROMOTE,
                List.of(keys.retries(), keys.stream()),
                List.of(Long.toString(now.toEpochMilli()), Integer.toString(limit))));
    }

    /** Acknowledges the entry and schedules its next attempt; false when another consumer holds it now. */
    Mono<Boolean> retryLater(String consumer, Pending pending, Instant due) {
        Map<String, String> member =
                new LinkedHashMap<>(pending.entry().nextAttempt().fields());
        member.put("origin", pending.id());
        return settle(consumer, pending, "retry", "sent", "", Long.toString(due.toEpochMilli()), Json.write(member), "")
                .map(state -> state.isEmpty() || state.get(0) == 0L);
    }

    /** Acknowledges a sent or skipped entry and counts it in its batch. Empty when another consumer holds it. */
    Mono<BatchState> done(String consumer, Pending pending, boolean sent) {
        return settle(consumer, pending, "done", sent ? "sent" : "skipped", "", "", "", "")
                .flatMap(OutboxStream::batchState);
    }

    /** Acknowledges a failed entry, keeps it as a dead letter and counts it in its batch. */
    Mono<BatchState> dead(String consumer, Pending pending, String failureLine, String deadLetter) {
        return settle(consumer, pending, "dead", "failed", failureLine, "", "", deadLetter)
                .flatMap(OutboxStream::batchState);
    }

    /** Acknowledges and deletes an entry that cannot be read, so it does not come back forever. */
    Mono<Void> drop(String id) {
        return group.settle(id);
    }

    /** The batch's organizer, title and failure lines, for its report. */
    Mono<Map<String, String>> batch(String batchId) {
        return redis.<String, String>opsForHash()
                .entries(keys.batch(batchId))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    Flux<String> failures(String batchId) {
        return redis.opsForList().range(keys.batchFailures(batchId), 0, -1);
    }

    private Mono<List<Long>> settle(
            String consumer,
            Pending pending,
            String mode,
            String outcome,
            String failureLine,
            String due,
            String retryMember,
            String deadLetter) {
        String batchId = pending.entry().batchId();
        List<String> scriptKeys = List.of(
                keys.stream(),
                keys.retries(),
                keys.deadLetters(),
                keys.batch(batchId),
                keys.batchDone(batchId),
                keys.batchFailures(batchId));
        List<String> args = List.of(
                properties.group(),
                consumer,
                pending.id(),
                mode,
                pending.entry().invitationId(),
                outcome,
                failureLine,
                due,
                retryMember,
                deadLetter,
                Integer.toString(properties.deadLetterMax()));
        return redis.execute(OutboxScripts.SETTLE, scriptKeys, args)
                .collectList()
                .map(StreamGroup::flatten)
                .map(values -> values.stream()
                        .map(value -> ((Number) value).longValue())
                        .toList());
    }

    private static Mono<BatchState> batchState(List<Long> result) {
        if (result.isEmpty() || result.get(0) == -1L) {
            return Mono.empty();
        }
        if (result.get(0) == 2L) {
            return Mono.just(new BatchState(0, 0, 0, 0, false));
        }
        return Mono.just(
                new BatchState(result.get(1), result.get(2), result.get(3), result.get(4), result.get(5) == 1L));
    }

    private static <T> Mono<T> single(Flux<T> results) {
        return results.next();
    }
}
