package io.guestgate.domain.meeting;

import io.guestgate.platform.redis.Ids;
import io.guestgate.platform.redis.Json;
import io.guestgate.platform.redis.RedisKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Meetings in Redis: one JSON value per meeting (hash tag = meeting id, shared with its invitations) and a sorted set
 * per organizer, ordered by start. The meeting is written before the index entry, so the index never points at
 * something that was not stored; entries whose meeting has expired are skipped on read.
 */
@Component
public class MeetingStore {

    /**
     * KEYS: index. ARGV: expire-at millis. The index lives as long as its longest-lived meeting: a nearer meeting
     * never shortens it (EXPIREAT GT would not set an expiry on a key that has none yet).
     */
    private static final RedisScript<Long> EXTEND = RedisScript.of("""
            local ttl = redis.call('PTTL', KEYS[1])
            local left = tonumber(ARGV[1]) - tonumber(redis.call('TIME')[1]) * 1000
            if ttl == -2 then return 0 end
            if ttl < left then redis.call('PEXPIREAT', KEYS[1], ARGV[1]) end
            return 1
            """, Long.class);

    /**
     * KEYS: the organizer's numbers. ARGV: meeting id, expire-at millis. The meeting's number for its organizer, given
     * once and never reused, so a number read from {@code list} cannot come to mean another meeting.
     */
    private static final RedisScript<Long> NUMBER = RedisScript.of("""
            local n = redis.call('HGET', KEYS[1], 'm:' .. ARGV[1])
            if not n then
              n = redis.call('HINCRBY', KEYS[1], 'next', 1)
              redis.call('HSET', KEYS[1], 'm:' .. ARGV[1], n, 'n:' .. n, ARGV[1])
            end
            local ttl = redis.call('PTTL', KEYS[1])
            local left = tonumber(ARGV[2]) - tonumber(redis.call('TIME')[1]) * 1000
            if ttl < left then redis.call('PEXPIREAT', KEYS[1], ARGV[2]) end
            return tonumber(n)
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final MeetingsProperties properties;
    private final Clock clock;

    MeetingStore(ReactiveStringRedisTemplate redis, RedisKeys keys, MeetingsProperties properties, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** A fresh id for a new meeting. */
    public static String newId() {
        return Ids.random(12);
    }

    /** Stores a new or changed meeting and keeps it until {@code end + retention}. */
    public Mono<Meeting> save(Meeting meeting) {
        Instant keepUntil = keepUntil(meeting);
        String meetingKey = meetingKey(meeting.id());
        String indexKey = organizerIndex(meeting.organizer().personId());
        return redis.opsForValue()
                .set(meetingKey, Json.write(meeting), ttl(keepUntil))
                .then(redis.opsForValue().set(webexIndex(meeting.webex().id()), meeting.id(), ttl(keepUntil)))
                .then(redis.opsForZSet()
                        .add(indexKey, meeting.id(), meeting.start().getEpochSecond()))
                .then(redis.execute(EXTEND, List.of(indexKey), List.of(Long.toString(keepUntil.toEpochMilli())))
                        .then())
                .then(trimIndex(indexKey))
                .then(number(meeting))
                .thenReturn(meeting);
    }

    public Mono<Meeting> findById(String meetingId) {
        if (meetingId == null || !meetingId.matches("[a-z0-9]{1,40}")) {
            return Mono.empty();
        }
        return redis.opsForValue().get(meetingKey(meetingId)).map(json -> Json.read(json, Meeting.class));
    }

    /**
     * The meeting a Webex meeting id belongs to: the series id GuestGate created, or an instance id
     * ({@code <series id>_I_<instance>}) as Webex gives it to participants and their webhooks.
     */
    public Mono<Meeting> findByWebexId(String webexMeetingId) {
        if (webexMeetingId == null || !webexMeetingId.matches("[A-Za-z0-9_-]{1,200}")) {
            return Mono.empty();
        }
        int instance = webexMeetingId.indexOf("_I_");
        String series = instance < 0 ? webexMeetingId : webexMeetingId.substring(0, instance);
        return redis.opsForValue()
                .get(webexIndex(series))
                .flatMap(this::findById)
                .filter(meeting -> meeting.webex().id().equals(series));
    }

    /** The meeting's number among its organizer's meetings: given at the first ask, kept for the meeting's life. */
    public Mono<Integer> number(Meeting meeting) {
        return redis.execute(
                        NUMBER,
                        List.of(numbers(meeting.organizer().personId())),
                        List.of(meeting.id(), Long.toString(keepUntil(meeting).toEpochMilli())))
                .next()
                .map(Long::intValue);
    }

    /** The organizer's meeting with this number, cancelled or not; empty for a number never given. */
    public Mono<Meeting> byNumber(String organizerPersonId, int number) {
        return redis.<String, String>opsForHash()
                .get(numbers(organizerPersonId), "n:" + number)
                .flatMap(this::findById)
                .filter(meeting -> meeting.isOwnedBy(organizerPersonId));
    }

    /** The organizer's meetings that have not ended and are not cancelled, earliest first. */
    public Flux<Meeting> upcomingFor(String organizerPersonId) {
        Instant now = clock.instant();
        return redis.opsForZSet()
                .range(organizerIndex(organizerPersonId), Range.unbounded())
                .concatMap(this::findById)
                .filter(meeting -> !meeting.isCancelled() && meeting.end().isAfter(now));
    }

    private Mono<Long> trimIndex(String indexKey) {
        // Index entries for meetings long gone would otherwise pile up for active organizers.
        double before = clock.instant().minus(properties.retention()).getEpochSecond();
        return redis.opsForZSet().removeRangeByScore(indexKey, Range.closed(Double.NEGATIVE_INFINITY, before));
    }

    private Instant keepUntil(Meeting meeting) {
        return meeting.end().plus(properties.retention());
    }

    private Duration ttl(Instant until) {
        Duration ttl = Duration.between(clock.instant(), until);
        return ttl.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : ttl;
    }

    String meetingKey(String meetingId) {
        return keys.tagged("m:" + meetingId);
    }

    private String webexIndex(String webexSeriesId) {
        return keys.key("webex-meeting", webexSeriesId);
    }

    private String numbers(String personId) {
        return keys.tagged("o:" + personId, "numbers");
    }

    private String organizerIndex(String personId) {
        return keys.tagged("o:" + personId, "meetings");
    }
}
