package io.guestgate.domain.approval;

import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.VerifiedIdentity;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.platform.redis.Ids;
import io.guestgate.platform.redis.Json;
import io.guestgate.platform.redis.RedisKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Host-approval requests in Redis, shared by the landing (which opens them and waits) and the bot (which records the
 * organizer's answer). One JSON value per request with a TTL a little past its deadline, so a guest who polls late
 * still learns that it timed out rather than that it never existed.
 * <p>
 * An invitation has at most one pending request, so the organizer has at most one open card per invitation: a key
 * per invitation names the pending request and expires at its deadline. Each step touches one key, so this holds on
 * Redis Cluster as well.
 */
@Component
public class ApprovalStore {

    /** How long an answered or timed-out request stays readable after its deadline. */
    static final Duration LINGER = Duration.ofMinutes(10);

    /** Writes ARGV[1] only while the stored request is still pending: 1 written, 0 answered before, -1 gone. */
    private static final RedisScript<Long> DECIDE = RedisScript.of("""
            local current = redis.call('GET', KEYS[1])
            if not current then return -1 end
            if cjson.decode(current)['status'] ~= 'PENDING' then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL')
            return 1
            """, Long.class);

    /** Points the invitation at ARGV[2] only if it still points at ARGV[1] ('' for nothing): 1 done, 0 lost. */
    private static final RedisScript<Long> REPOINT = RedisScript.of("""
            local current = redis.call('GET', KEYS[1]) or ''
            if current ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1
            """, Long.class);

    /** Forgets the invitation's pending request if it is still ARGV[1]. */
    private static final RedisScript<Long> UNPOINT = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """, Long.class);

    /** Concurrent first attempts for one invitation: each loser finds the winner's request on its next try. */
    private static final int ATTEMPTS = 5;

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final Clock clock;

    ApprovalStore(ReactiveStringRedisTemplate redis, RedisKeys keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    public static boolean isWellFormedId(String id) {
        return id != null && id.matches("[a-z0-9]{16}");
    }

    /**
     * The invitation's pending request: the one already open, or a new one for the organizer of {@code meeting} to
     * answer within {@code timeout}. See {@link #openOnce} to tell the two apart.
     */
    public Mono<ApprovalRequest> open(
            Invitation invitation, Meeting meeting, VerifiedIdentity identity, Duration timeout) {
        return openOnce(invitation, meeting, identity, timeout).map(Opening::request);
    }

    /**
     * Opens a pending request for the organizer of {@code meeting} to answer within {@code timeout}, unless one for
     * this invitation is pending and within its deadline: then that one, whoever it is for. An answered, timed-out or
     * withdrawn request makes room for a new one.
     */
    public Mono<Opening> openOnce(Invitation invitation, Meeting meeting, VerifiedIdentity identity, Duration timeout) {
        Objects.requireNonNull(identity, "identity");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("An approval timeout must be positive");
        }
        return openOnce(invitation, meeting, identity, timeout, 1);
    }

    private Mono<Opening> openOnce(
            Invitation invitation, Meeting meeting, VerifiedIdentity identity, Duration timeout, int attempt) {
        String pointer = pendingKey(invitation.id());
        return redis.opsForValue()
                .get(pointer)
                .defaultIfEmpty("")
                .flatMap(current -> find(current)
                        .filter(pending -> pending.isPending() && !pending.isTimedOut(clock.instant()))
                        .<Opening>map(Opening.AlreadyOpen::new)
                        .switchIfEmpty(Mono.defer(() -> {
                            Instant now = clock.instant();
                            ApprovalRequest request = new ApprovalRequest(
                                    Ids.random(16),
                                    invitation.id(),
                                    meeting.id(),
                                    meeting.organizer().personId(),
                                    identity,
                                    ApprovalStatus.PENDING,
                                    null,
                                    now,
                                    now.plus(timeout));
                            return redis.opsForValue()
                                    .set(key(request.id()), Json.write(request), timeout.plus(LINGER))
                                    .then(redis.execute(
                                                    REPOINT,
                                                    List.of(pointer),
                                                    List.of(current, request.id(), Long.toString(timeout.toMillis())))
                                            .next())
                                    .flatMap(done -> done == 1
                                            ? Mono.<Opening>just(new Opening.Opened(request))
                                            : redis.delete(key(request.id()))
                                                    .then(retry(invitation, meeting, identity, timeout, attempt)));
                        })));
    }

    private Mono<Opening> retry(
            Invitation invitation, Meeting meeting, VerifiedIdentity identity, Duration timeout, int attempt) {
        if (attempt >= ATTEMPTS) {
            return Mono.error(new IllegalStateException(
                    "Could not open an approval request for invitation " + invitation.id() + ": it kept changing"));
        }
        return openOnce(invitation, meeting, identity, timeout, attempt + 1);
    }

    /**
     * Takes back a request nobody was asked about (the card could not be sent), so that the next attempt opens a new
     * one instead of waiting on it.
     */
    public Mono<Void> withdraw(ApprovalRequest request) {
        return redis.execute(UNPOINT, List.of(pendingKey(request.invitationId())), List.of(request.id()))
                .next()
                .then(redis.delete(key(request.id())))
                .then();
    }

    public Mono<ApprovalRequest> find(String id) {
        if (!isWellFormedId(id)) {
            return Mono.empty();
        }
        return redis.opsForValue().get(key(id)).map(json -> Json.read(json, ApprovalRequest.class));
    }

    /**
     * Records the organizer's answer. Only the meeting's organizer counts, only once, and only before the deadline;
     * the check and the write are one atomic step, so two clicks (or two instances) cannot both win.
     */
    public Mono<Decision> decide(String id, String personId, boolean admit) {
        return find(id).flatMap(current -> {
                    if (!current.organizerPersonId().equals(personId)) {
                        return Mono.<Decision>just(new Decision.NotOrganizer(current));
                    }
                    if (!current.isPending()) {
                        return Mono.<Decision>just(new Decision.AlreadyDecided(current));
                    }
                    if (current.isTimedOut(clock.instant())) {
                        return Mono.<Decision>just(new Decision.TimedOut(current));
                    }
                    ApprovalRequest answered =
                            current.decided(admit ? ApprovalStatus.ADMITTED : ApprovalStatus.DENIED, personId);
                    return redis.execute(DECIDE, List.of(key(id)), List.of(Json.write(answered)))
                            .next()
                            .flatMap(outcome -> switch (outcome.intValue()) {
                                case 1 -> Mono.<Decision>just(new Decision.Recorded(answered));
                                case 0 -> find(id).map(Decision.AlreadyDecided::new);
                                default -> Mono.<Decision>just(new Decision.Unknown());
                            });
                })
                .defaultIfEmpty(new Decision.Unknown());
    }

    private String key(String id) {
        return keys.key("approval", id);
    }

    private String pendingKey(String invitationId) {
        return keys.key("approval", "pending", invitationId);
    }
}
