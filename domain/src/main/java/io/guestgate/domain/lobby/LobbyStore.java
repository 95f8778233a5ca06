package io.guestgate.domain.lobby;

import io.guestgate.platform.redis.Json;
import io.guestgate.platform.redis.RedisKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The door's memory in Redis. Per meeting, one hash under the meeting's hash tag holds each verified guest's state
 * ({@code g:<invitation>}), each lobby participant's decision ({@code p:<participant>}) and the join links guests
 * opened ({@code l:<invitation>}); it lives as long as the meeting's links. Across meetings, a sorted set names the
 * meetings to poll and until when, and a lease per meeting makes sure exactly one instance polls it.
 */
@Component
public class LobbyStore {

    /** KEYS: hash. ARGV: field, value, expire-at millis. Writes the field; never shortens the hash's life. */
    private static final RedisScript<Long> PUT = RedisScript.of("""
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            local ttl = redis.call('PTTL', KEYS[1])
            local left = tonumber(ARGV[3]) - tonumber(redis.call('TIME')[1]) * 1000
            if ttl < left then redis.call('PEXPIREAT', KEYS[1], ARGV[3]) end
            return 1
            """, Long.class);

    /** KEYS: hash. ARGV: field, value, expire-at millis. 1 when the field was new and is now written, else 0. */
    private static final RedisScript<Long> PUT_IF_ABSENT = RedisScript.of("""
            if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
            local ttl = redis.call('PTTL', KEYS[1])
            local left = tonumber(ARGV[3]) - tonumber(redis.call('TIME')[1]) * 1000
            if ttl < left then redis.call('PEXPIREAT', KEYS[1], ARGV[3]) end
            return 1
            """, Long.class);

    /** KEYS: hash. ARGV: field, expected value, new value. 1 when the field held exactly the expected value. */
    private static final RedisScript<Long> REPLACE = RedisScript.of("""
            if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
            return 1
            """, Long.class);

    /** KEYS: lease. ARGV: owner, ttl millis. 1 when the caller holds the lease (now or still). */
    private static final RedisScript<Long> LEASE = RedisScript.of("""
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return 1
            end
            return 0
            """, Long.class);

    /**
     * KEYS: hash. ARGV: seat field, participant id, then the ids of everyone Webex lists in the meeting or its lobby.
     * 1 when the participant holds the invitation's seat: it was free, theirs, or its holder is no longer there.
     */
    private static final RedisScript<Long> SEAT = RedisScript.of("""
            local holder = redis.call('HGET', KEYS[1], ARGV[1])
            if holder and holder ~= ARGV[2] then
              for i = 3, #ARGV do
                if ARGV[i] == holder then return 0 end
              end
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return 1
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;

    LobbyStore(ReactiveStringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** The guest's place at the door; empty before a token was minted for the invitation. */
    public Mono<GuestAtTheDoor> guest(String meetingId, String invitationId) {
        return field(meetingId, "g:" + invitationId).map(json -> Json.read(json, GuestAtTheDoor.class));
    }

    public Mono<Void> putGuest(String meetingId, String invitationId, GuestAtTheDoor guest, Instant keepUntil) {
        return put(PUT, meetingId, "g:" + invitationId, Json.write(guest), keepUntil)
                .then();
    }

    /** The decision about a lobby participant, if one was made. */
    public Mono<DoorDecision> decision(String meetingId, String participantId) {
        return field(meetingId, "p:" + participantId).map(json -> Json.read(json, DoorDecision.class));
    }

    /** Records the decision unless one was made already: true for the one caller that decides. */
    public Mono<Boolean> decide(String meetingId, String participantId, DoorDecision decision, Instant keepUntil) {
        return put(PUT_IF_ABSENT, meetingId, "p:" + participantId, Json.write(decision), keepUntil)
                .map(written -> written == 1L);
    }

    /** Replaces a decision only if it is still {@code expected}: a compare-and-set, so two clicks cannot both win. */
    public Mono<Boolean> redecide(String meetingId, String participantId, DoorDecision expected, DoorDecision next) {
        return redis.execute(
                        REPLACE,
                        List.of(hash(meetingId)),
                        List.of("p:" + participantId, Json.write(expected), Json.write(next)))
                .next()
                .map(written -> written == 1L);
    }

    /** Forgets a decision whose admit call failed, so the next look at the lobby decides again. */
    public Mono<Void> forget(String meetingId, String participantId) {
        return redis.opsForHash().remove(hash(meetingId), "p:" + participantId).then();
    }

    /** Every decision made about this meeting's lobby participants, by participant id. */
    public Flux<Map.Entry<String, DoorDecision>> decisions(String meetingId) {
        return redis.<String, String>opsForHash()
                .entries(hash(meetingId))
                .filter(entry -> entry.getKey().startsWith("p:"))
                .map(entry -> Map.entry(entry.getKey().substring(2), Json.read(entry.getValue(), DoorDecision.class)));
    }

    /**
     * One identity, one seat: the participant takes the invitation's seat unless another participant holds it and
     * is still in the meeting or its lobby ({@code present}). Atomic across instances.
     */
    public Mono<Boolean> takeSeat(
            String meetingId, String invitationId, String participantId, Collection<String> present) {
        List<String> args = new ArrayList<>();
        args.add("s:" + invitationId);
        args.add(participantId);
        args.addAll(present);
        return redis.execute(SEAT, List.of(hash(meetingId)), args).next().map(held -> held == 1L);
    }

    /** True the first time {@code what} is claimed for the meeting: for notices the organizer should get once. */
    public Mono<Boolean> once(String meetingId, String what, Instant keepUntil) {
        return put(PUT_IF_ABSENT, meetingId, "o:" + what, "1", keepUntil).map(written -> written == 1L);
    }

    public Mono<Void> joinLinkOpened(String meetingId, JoinLinkOpened opened, Instant keepUntil) {
        return put(PUT, meetingId, "l:" + opened.invitationId(), Json.write(opened), keepUntil)
                .then();
    }

    /** Join links guests opened for this meeting that still work at {@code now}. */
    public Flux<JoinLinkOpened> openJoinLinks(String meetingId, Instant now) {
        return redis.<String, String>opsForHash()
                .entries(hash(meetingId))
                .filter(entry -> entry.getKey().startsWith("l:"))
                .map(entry -> Json.read(entry.getValue(), JoinLinkOpened.class))
                .filter(opened -> opened.until().isAfter(now));
    }

    /** Poll the meeting's lobby until {@code until} (a later deadline already set is kept). */
    public Mono<Void> watch(String meetingId, Instant until) {
        return redis.opsForZSet()
                .score(watchKey(), meetingId)
                .defaultIfEmpty(0.0)
                .flatMap(current -> current >= until.toEpochMilli()
                        ? Mono.just(true)
                        : redis.opsForZSet().add(watchKey(), meetingId, until.toEpochMilli()))
                .then();
    }

    public Mono<Void> unwatch(String meetingId) {
        return redis.opsForZSet().remove(watchKey(), meetingId).then();
    }

    /** The meetings to poll now; meetings whose deadline passed are dropped from the set. */
    public Flux<String> watched(Instant now) {
        return redis.opsForZSet()
                .removeRangeByScore(watchKey(), Range.closed(Double.NEGATIVE_INFINITY, (double) now.toEpochMilli()))
                .thenMany(redis.opsForZSet()
                        .rangeByScore(watchKey(), Range.open((double) now.toEpochMilli(), Double.POSITIVE_INFINITY)));
    }

    /** Takes or renews the lease to poll the meeting: true while {@code owner} holds it. */
    public Mono<Boolean> lease(String meetingId, String owner, Duration ttl) {
        return redis.execute(
                        LEASE,
                        List.of(keys.key("lobby", "poll", meetingId)),
                        List.of(owner, Long.toString(ttl.toMillis())))
                .next()
                .map(held -> held == 1L);
    }

    private Mono<String> field(String meetingId, String field) {
        return redis.<String, String>opsForHash().get(hash(meetingId), field);
    }

    private Mono<Long> put(RedisScript<Long> script, String meetingId, String field, String value, Instant keepUntil) {
        return redis.execute(
                        script,
                        List.of(hash(meetingId)),
                        List.of(field, value, Long.toString(keepUntil.toEpochMilli())))
                .next();
    }

    private String hash(String meetingId) {
        return keys.tagged("m:" + meetingId, "lobby");
    }

    private String watchKey() {
        return keys.key("lobby", "watch");
    }
}
