package io.guestgate.platform.redis;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A Redis Stream worked off by a consumer group, with what every such worker needs: reading new entries, taking up
 * the entries a consumer holds already, claiming entries that consumers of dead instances held too long, removing
 * consumers long gone, and settling an entry (acknowledged and deleted, so the stream holds only open work).
 * <p>
 * Why "held": while Redis is unreachable, the client keeps the commands it could not send and sends them once the
 * connection is back, even those the worker had given up on. A read that arrives late this way makes Redis hand an
 * entry to a consumer that no longer waits for it. A worker whose consumers each take one entry at a time knows that
 * whatever a consumer holds between two entries is such a leftover, and takes it up with {@link #held} first.
 */
public final class StreamGroup {

    /** One entry: its id, its fields, and how often the group has handed it out. */
    public record Entry(String id, Map<String, String> fields, long deliveries) {}

    /** Lua: appends {@code entry} (id, field list) and its delivery count to {@code out}, flat. */
    private static final String APPEND_ENTRY = """
                local fields = {}
                for i = 1, #entry[2], 2 do fields[entry[2][i]] = entry[2][i + 1] end
                local pending = redis.call('XPENDING', KEYS[1], ARGV[1], entry[1], entry[1], 1)
                out[#out + 1] = entry[1]
                out[#out + 1] = cjson.encode(fields)
                out[#out + 1] = tostring(pending[1] and pending[1][4] or 1)
            """;

    /**
     * KEYS: stream. ARGV: group, consumer, min idle millis, count. Claims entries other consumers have held too
     * long (XAUTOCLAIM); returns them flat: id, fields as JSON, times delivered, id, ...
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final RedisScript<List<Object>> CLAIM =
            (RedisScript) RedisScript.of("""
            local claimed = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], '0-0', 'COUNT', ARGV[4])
            local out = {}
            for _, entry in ipairs(claimed[2]) do
              if entry and entry[2] then
            """ + APPEND_ENTRY + """
              end
            end
            return out
            """, List.class);

    /**
     * KEYS: stream. ARGV: group, consumer, count. The entries {@code consumer} holds, in the same flat form as
     * {@link #CLAIM}, each counted as delivered once more (XCLAIM to itself). An entry deleted meanwhile is
     * acknowledged.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final RedisScript<List<Object>> HELD =
            (RedisScript) RedisScript.of("""
            local held = redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', ARGV[3], ARGV[2])
            local out = {}
            for _, p in ipairs(held) do
              local entry = redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, p[1])[1]
              if entry and entry[2] then
            """ + APPEND_ENTRY + """
              else
                redis.call('XACK', KEYS[1], ARGV[1], p[1])
              end
            end
            return out
            """, List.class);

    /**
     * KEYS: stream. ARGV: group, min idle millis. Removes consumers that hold nothing and have not read for that
     * long: those of instances that are gone (every instance starts with new consumer names). Returns how many.
     */
    private static final RedisScript<Long> PRUNE = RedisScript.of("""
            local removed = 0
            for _, consumer in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
              local info = {}
              for i = 1, #consumer, 2 do info[consumer[i]] = consumer[i + 1] end
              if tonumber(info['pending']) == 0 and tonumber(info['idle']) >= tonumber(ARGV[2]) then
                redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], info['name'])
                removed = removed + 1
              end
            end
            return removed
            """, Long.class);

    /**
     * KEYS: stream. ARGV: group, entry id. Acknowledges and deletes the entry. A stream or group that is gone (Redis
     * came back empty) has nothing left to settle.
     */
    private static final RedisScript<Long> SETTLE = RedisScript.of("""
            redis.pcall('XACK', KEYS[1], ARGV[1], ARGV[2])
            return redis.call('XDEL', KEYS[1], ARGV[2])
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final String stream;
    private final String group;

    public StreamGroup(ReactiveStringRedisTemplate redis, String stream, String group) {
        this.redis = redis;
        this.stream = stream;
        this.group = group;
    }

    public String stream() {
        return stream;
    }

    public String group() {
        return group;
    }

    /** Creates the consumer group (and the stream), reading from the very first entry, unless it exists. */
    public Mono<Void> ensureGroup() {
        return redis.opsForStream()
                .createGroup(stream, ReadOffset.from("0"), group)
                .onErrorResume(e -> String.valueOf(rootMessage(e)).contains("BUSYGROUP"), e -> Mono.empty())
                .then();
    }

    /** New entries for {@code consumer} (XREADGROUP ... >), waiting up to {@code block}. */
    public Flux<Entry> read(String consumer, int count, Duration block) {
        return redis.<String, String>opsForStream()
                .read(
                        Consumer.from(group, consumer),
                        StreamReadOptions.empty().count(count).block(block),
                        StreamOffset.create(stream, ReadOffset.lastConsumed()))
                .map(record -> new Entry(record.getId().getValue(), record.getValue(), 1));
    }

    /** The entries {@code consumer} holds already (see the class comment), counted as delivered once more. */
    public Flux<Entry> held(String consumer, int count) {
        return entries(redis.execute(HELD, List.of(stream), List.of(group, consumer, Integer.toString(count))));
    }

    /**
     * What a consumer that takes one entry at a time works on next: the entry it holds already, if any (see the class
     * comment), else a new one, waiting up to {@code block}.
     */
    public Flux<Entry> next(String consumer, Duration block) {
        return held(consumer, 1).switchIfEmpty(Flux.defer(() -> read(consumer, 1, block)));
    }

    /**
     * What {@code consumer} takes over: entries it holds already, then entries other consumers have held longer than
     * {@code minIdle} (their instance died while working on them).
     */
    public Flux<Entry> takeOver(String consumer, Duration minIdle, int count) {
        return held(consumer, count).concatWith(claim(consumer, minIdle, count));
    }

    /** Entries other consumers have held longer than {@code minIdle}, now held by {@code consumer}. */
    public Flux<Entry> claim(String consumer, Duration minIdle, int count) {
        return entries(redis.execute(
                CLAIM,
                List.of(stream),
                List.of(group, consumer, Long.toString(minIdle.toMillis()), Integer.toString(count))));
    }

    /** Removes consumers that hold nothing and have been idle for {@code idle}; returns how many. */
    public Mono<Long> prune(Duration idle) {
        return redis.execute(PRUNE, List.of(stream), List.of(group, Long.toString(idle.toMillis())))
                .next();
    }

    /** Acknowledges and deletes the entry: its work is done, or given up on. */
    public Mono<Void> settle(String id) {
        return redis.execute(SETTLE, List.of(stream), List.of(group, id)).then();
    }

    /**
     * A consumer name for this running instance: {@code configured} when set, else the host name (for people reading
     * XINFO) and a random part, so that a restarted instance does not take over what its predecessor held.
     */
    public static String instanceName(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "instance";
        }
        String safe = host.replaceAll("[^A-Za-z0-9_.-]", "-");
        if (safe.length() > 60) {
            safe = safe.substring(0, 60);
        }
        return safe + "-" + Ids.random(8);
    }

    /** A script's multi-bulk reply may arrive as one list or as its elements, depending on the driver. */
    public static List<Object> flatten(List<?> values) {
        List<Object> flat = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof List<?> list) {
                flat.addAll(list);
            } else {
                flat.add(value);
            }
        }
        return flat;
    }

    /** Reads the flat reply of {@link #CLAIM} and {@link #HELD}. */
    @SuppressWarnings("unchecked")
    private static Flux<Entry> entries(Flux<List<Object>> reply) {
        return reply.collectList().flatMapIterable(values -> {
            List<Object> flat = flatten(values);
            List<Entry> found = new ArrayList<>();
            for (int i = 0; i + 2 < flat.size(); i += 3) {
                Map<String, String> fields = new LinkedHashMap<>();
                Json.read(flat.get(i + 1).toString(), Map.class)
                        .forEach((name, value) -> fields.put(String.valueOf(name), String.valueOf(value)));
                found.add(new Entry(
                        flat.get(i).toString(),
                        fields,
                        Long.parseLong(flat.get(i + 2).toString())));
            }
            return found;
        });
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
