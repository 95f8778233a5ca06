package io.guestgate.domain.audit;

import io.guestgate.platform.metrics.GuestgateMetrics;
import io.guestgate.platform.redis.RedisKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The audit trail: a capped Redis Stream of every admission decision. */
@Component
public class AuditLog {

    private final ReactiveStringRedisTemplate redis;
    private final String streamKey;
    private final Properties properties;
    private final GuestgateMetrics metrics;

    AuditLog(ReactiveStringRedisTemplate redis, RedisKeys keys, Properties properties, GuestgateMetrics metrics) {
        this.redis = redis;
        this.streamKey = keys.key("audit");
        this.properties = properties;
        this.metrics = metrics;
    }

    public Mono<RecordId> record(AuditEvent event) {
        if ("verification".equals(event.type())) {
            // Every verification decision is audited, so the audit is where they are counted.
            metrics.verification(event.outcome(), event.details().get("reason"));
        }
        MapRecord<String, String, String> entry =
                StreamRecords.newRecord().in(streamKey).ofMap(event.fields());
        return redis.opsForStream()
                .add(entry)
                .flatMap(id -> redis.opsForStream()
                        .trim(streamKey, properties.maxLength(), true)
                        .thenReturn(id));
    }

    /** The most recent {@code count} events, newest first. */
    public Flux<AuditEvent> latest(int count) {
        return redis.<String, String>opsForStream()
                .reverseRange(
                        streamKey,
                        Range.unbounded(),
                        org.springframework.data.redis.connection.Limit.limit().count(count))
                .map(entry -> toEvent(entry.getValue()));
    }

    private static AuditEvent toEvent(Map<String, String> fields) {
        Map<String, String> details = new HashMap<>();
        fields.forEach((key, value) -> {
            if (key.startsWith("detail.")) {
                details.put(key.substring("detail.".length()), value);
            }
        });
        return new AuditEvent(
                Instant.parse(fields.get("at")),
                fields.get("type"),
                fields.get("outcome"),
                fields.get("meetingId"),
                fields.get("invitationId"),
                fields.get("actor"),
                details);
    }

    /** @param maxLength about how many events the stream keeps; older ones are trimmed */
    @ConfigurationProperties("guestgate.audit")
    public record Properties(@DefaultValue("100000") long maxLength) {}
}
