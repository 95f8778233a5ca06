package io.guestgate.bot.chain;

import io.guestgate.bot.BotProperties;
import io.guestgate.platform.redis.RedisKeys;
import io.guestgate.platform.redis.StreamGroup;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The events the bot has taken in and not yet processed, for all instances together: a Redis Stream, read by the
 * consumer group {@code bot} ({@link EventProcessor}).
 * <p>
 * Webex delivers at least once, so the same event may come twice, even at the same moment to two instances. One Lua
 * script takes an event in: unless its id was seen, it appends the event to the stream and records the id for the
 * dedupe TTL, both or neither. A duplicate is acknowledged and dropped. Because the record and the work are written
 * together, a script that reaches Redis late (the client sends what it queued during an outage once Redis is back,
 * even what the intake had given up on and answered 503 for) still leaves the event to be processed once; the
 * redelivery then finds it seen. The same record later says whether the event reached its handler
 * ({@link #firstDispatch}).
 * <p>
 * Every key carries the hash tag {@code intake}, so the script works on Redis Cluster too; all of them live in one
 * slot.
 */
@Component
public class IntakeQueue {

    /** What became of a delivery. */
    public enum Acceptance {
        /** Taken in: it will be processed. */
        ACCEPTED,
        /** Seen before: nothing to do. */
        DUPLICATE,
        /** Too many events wait: Webex should deliver it again later. */
        FULL
    }

    static final String GROUP = "bot";

    /**
     * KEYS: seen record, stream. ARGV: dedupe ttl millis, capacity, kind, data id, room id, person id, person email.
     * 1 taken in, 0 seen before, -1 the stream is full (nothing written).
     */
    private static final RedisScript<Long> ACCEPT = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then
              return 0
            end
            if redis.call('XLEN', KEYS[2]) >= tonumber(ARGV[2]) then
              return -1
            end
            redis.call('XADD', KEYS[2], '*', 'kind', ARGV[3], 'id', ARGV[4], 'room', ARGV[5], 'person', ARGV[6],
              'email', ARGV[7])
            redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
            return 1
            """, Long.class);

    /**
     * KEYS: seen record. ARGV: dedupe ttl millis. Marks the event as handed to its handler, keeping the record's TTL:
     * 1 the first time, 0 when it was handed over before.
     */
    private static final RedisScript<Long> DISPATCH = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == 'dispatched' then
              return 0
            end
            local ttl = redis.call('PTTL', KEYS[1])
            redis.call('SET', KEYS[1], 'dispatched', 'PX', ttl > 0 and ttl or ARGV[1])
            return 1
            """, Long.class);

    private static final String TAG = "intake";

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final String ttl;
    private final String capacity;
    private final StreamGroup group;

    IntakeQueue(ReactiveStringRedisTemplate redis, RedisKeys keys, BotProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.ttl = Long.toString(properties.intake().dedupeTtl().toMillis());
        this.capacity = Integer.toString(properties.intake().queueCapacity());
        this.group = new StreamGroup(redis, keys.tagged(TAG, "events"), GROUP);
    }

    /** Takes the event in, unless it was seen before or too many wait. */
    public Mono<Acceptance> accept(WebhookEvent event) {
        return redis.execute(
                        ACCEPT,
                        List.of(seenKey(event.dataId()), group.stream()),
                        List.of(
                                ttl,
                                capacity,
                                event.kind().name(),
                                event.dataId(),
                                event.roomId(),
                                event.personId(),
                                event.personEmail()))
                .next()
                .map(result ->
                        result == 1L ? Acceptance.ACCEPTED : result == 0L ? Acceptance.DUPLICATE : Acceptance.FULL);
    }

    /**
     * Records that the event is being handed to its handler; false if it was before. An event is processed again only
     * when the instance processing it died (or could not settle it); if that instance had got as far as the handler,
     * the command may be done already, and doing it again could, say, create a second meeting.
     */
    public Mono<Boolean> firstDispatch(String dataId) {
        return redis.execute(DISPATCH, List.of(seenKey(dataId)), List.of(ttl))
                .next()
                .map(result -> result == 1L);
    }

    /** The record of a taken-in event's id. */
    public String seenKey(String dataId) {
        return keys.tagged(TAG, "seen", dataId);
    }

    StreamGroup group() {
        return group;
    }

    /** The event a stream entry holds; {@link IllegalArgumentException} when its fields do not make one. */
    static WebhookEvent event(Map<String, String> fields) {
        String kind = fields.get("kind");
        if (kind == null) {
            throw new IllegalArgumentException("no kind");
        }
        return new WebhookEvent(
                WebhookEvent.Kind.valueOf(kind),
                fields.get("id"),
                fields.get("room"),
                fields.get("person"),
                fields.get("email"));
    }
}
