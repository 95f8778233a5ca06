package io.guestgate.domain.invitation;

import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingsProperties;
import io.guestgate.platform.redis.Ids;
import io.guestgate.platform.redis.Json;
import io.guestgate.platform.redis.RedisKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Invitations in Redis. Per meeting, under one hash tag: a hash of invitations by id and a hash of invited addresses.
 * Every write is a compare-and-set on the invitation's version (a Lua script), so two instances can never overwrite
 * each other. Link tokens are stored only as their SHA-256, each under its own key that points at the invitation.
 */
@Component
public class InvitationStore {

    private static final RedisScript<String> ADD = RedisScript.of("""
            local existing = redis.call('HGET', KEYS[2], ARGV[1])
            if existing then return existing end
            redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
            redis.call('PEXPIREAT', KEYS[1], ARGV[4])
            redis.call('PEXPIREAT', KEYS[2], ARGV[4])
            return ARGV[2]
            """, String.class);

    /** Returns 1 when written, 0 when the version moved on, -1 when the invitation is gone. */
    private static final RedisScript<Long> COMPARE_AND_SET = RedisScript.of("""
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            if not current then return -1 end
            if tostring(cjson.decode(current)['version']) ~= ARGV[2] then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
            if ARGV[4] ~= '' and redis.call('HGET', KEYS[2], ARGV[4]) == ARGV[1] then
              redis.call('HDEL', KEYS[2], ARGV[4])
            end
            return 1
            """, Long.class);

    private static final int MAX_CONFLICT_RETRIES = 16;
    private static final char GENERATION = '/';

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final MeetingsProperties meetings;
    private final InvitationsProperties properties;
    private final Clock clock;

    InvitationStore(
            ReactiveStringRedisTemplate redis,
            RedisKeys keys,
            MeetingsProperties meetings,
            InvitationsProperties properties,
            Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.meetings = meetings;
        this.properties = properties;
        this.clock = clock;
    }

    /** Invites {@code invitee} to {@code meeting}, unless that address is invited already. */
    public Mono<AddResult> add(Meeting meeting, Invitee invitee) {
        String id = meeting.id() + "-" + Ids.random(10);
        Invitation invitation = Invitation.create(id, meeting.id(), invitee, clock.instant(), linkExpiry(meeting));
        List<String> scriptKeys = List.of(invitationsKey(meeting.id()), emailsKey(meeting.id()));
        return redis.execute(
                        ADD,
                        scriptKeys,
                        List.of(
                                invitee.normalizedEmail(),
                                id,
                                Json.write(invitation),
                                Long.toString(keepUntil(meeting).toEpochMilli())))
                .next()
                .flatMap(storedId -> storedId.equals(id)
                        ? Mono.just(new AddResult.Added(invitation))
                        : findById(storedId).map(AddResult.AlreadyInvited::new));
    }

    /**
     * Creates a new personal link token for the invitation and returns it. Only its hash is stored. Every token issued
     * for an invitation keeps working until the invitation is revoked or expires, so each mail may carry a fresh one.
     */
    public Mono<String> issueLinkToken(Invitation invitation) {
        String token = LinkTokens.generate();
        String hash = LinkTokens.hash(token);
        Duration ttl = ttlUntil(invitation.expiresAt());
        String tokensKey = tokensKey(invitation.meetingId());
        // The first generation is stored as the bare id, as links were before generations existed.
        String target = invitation.linkGeneration() == 0
                ? invitation.id()
                : invitation.id() + GENERATION + invitation.linkGeneration();
        return redis.opsForValue()
                .set(tokenKey(hash), target, ttl)
                .then(redis.opsForSet().add(tokensKey, hash))
                .then(redis.expire(tokensKey, ttl))
                .thenReturn(token);
    }

    /**
     * The invitation a personal link token belongs to; empty for anything unknown or malformed, and for a token issued
     * before the invitation's links were renewed.
     */
    public Mono<Invitation> findByToken(String token) {
        if (!LinkTokens.isWellFormed(token)) {
            return Mono.empty();
        }
        return redis.opsForValue().get(tokenKey(LinkTokens.hash(token))).flatMap(target -> {
            int separator = target.indexOf(GENERATION);
            String invitationId = separator < 0 ? target : target.substring(0, separator);
            String generation = separator < 0 ? "0" : target.substring(separator + 1);
            return findById(invitationId)
                    .filter(invitation ->
                            Integer.toString(invitation.linkGeneration()).equals(generation));
        });
    }

    /**
     * Retires every link issued for the invitation so far; the next mail carries one that works. The bound identity, if
     * any, stays. Empty when the invitation is withdrawn or gone.
     */
    public Mono<Invitation> renewLinks(String invitationId) {
        return findById(invitationId)
                .filter(current -> !current.isRevoked())
                .flatMap(current -> compareAndSet(current, current.withNewLinks(), ""))
                .retryWhen(conflicts());
    }

    public Mono<Invitation> findById(String invitationId) {
        return Mono.justOrEmpty(Invitation.meetingIdOf(invitationId))
                .flatMap(meetingId -> redis.<String, String>opsForHash().get(invitationsKey(meetingId), invitationId))
                .map(json -> Json.read(json, Invitation.class));
    }

    /** All invitations of a meeting, in the order they were made. */
    public Flux<Invitation> findByMeeting(String meetingId) {
        return redis.<String, String>opsForHash()
                .values(invitationsKey(meetingId))
                .map(json -> Json.read(json, Invitation.class))
                .sort(Comparator.comparing(Invitation::createdAt).thenComparing(Invitation::id));
    }

    /** The invitation {@code email} holds to the meeting, unless it was withdrawn; addresses compare ignoring case. */
    public Mono<Invitation> findInvited(String meetingId, String email) {
        // The address index add() keeps (a revoke takes the address out of it): one lookup, not a scan of the list.
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        return redis.<String, String>opsForHash()
                .get(emailsKey(meetingId), wanted)
                .flatMap(this::findById)
                .filter(invitation -> !invitation.isRevoked());
    }

    /**
     * Binds a verified identity to the invitation: the first identity to verify holds it for good, later uses must be
     * the same person. A revoked or expired invitation binds nobody.
     */
    public Mono<BindResult> bind(String invitationId, VerifiedIdentity identity) {
        Objects.requireNonNull(identity, "identity");
        return findById(invitationId)
                .flatMap(current -> {
                    if (current.isRevoked() || current.isExpired(clock.instant())) {
                        return Mono.just(new BindResult.NoLongerValid(current));
                    }
                    if (current.identity() != null) {
                        return Mono.just(
                                current.identity().isSamePersonAs(identity)
                                        ? new BindResult.Bound(current, false)
                                        : new BindResult.HeldByAnother(current, identity));
                    }
                    Invitation bound = current.withIdentity(identity).withStatus(InvitationStatus.VERIFIED);
                    return compareAndSet(current, bound, "")
                            .map(written -> (BindResult) new BindResult.Bound(written, true));
                })
                .retryWhen(conflicts());
    }

    /** Applies {@code change} atomically (re-reading and re-applying on a concurrent write). */
    public Mono<Invitation> update(String invitationId, UnaryOperator<Invitation> change) {
        return findById(invitationId)
                .flatMap(current -> {
                    Invitation next = change.apply(current);
                    return next.equals(current) ? Mono.just(current) : compareAndSet(current, next, "");
                })
                .retryWhen(conflicts());
    }

    /** Revokes the invitation: its links stop working, and its address may be invited again. */
    public Mono<Invitation> revoke(String invitationId) {
        return findById(invitationId)
                .flatMap(current -> current.isRevoked()
                        ? Mono.just(current)
                        : compareAndSet(
                                current,
                                current.withStatus(InvitationStatus.REVOKED),
                                current.invitee().normalizedEmail()))
                .retryWhen(conflicts());
    }

    /** Revokes every invitation of a meeting, e.g. when it is cancelled. */
    public Flux<Invitation> revokeAll(String meetingId) {
        return findByMeeting(meetingId).concatMap(invitation -> revoke(invitation.id()));
    }

    /** After a meeting moved: its invitations and links live until the new end plus the grace period. */
    public Flux<Invitation> followMeeting(Meeting meeting) {
        Instant expiry = linkExpiry(meeting);
        long keepUntil = keepUntil(meeting).toEpochMilli();
        Duration tokenTtl = ttlUntil(expiry);
        Mono<Void> retime = redis.expireAt(invitationsKey(meeting.id()), Instant.ofEpochMilli(keepUntil))
                .then(redis.expireAt(emailsKey(meeting.id()), Instant.ofEpochMilli(keepUntil)))
                .thenMany(redis.opsForSet().members(tokensKey(meeting.id())))
                .concatMap(hash -> redis.expire(tokenKey(hash), tokenTtl))
                .then(redis.expire(tokensKey(meeting.id()), tokenTtl))
                .then();
        return retime.thenMany(findByMeeting(meeting.id())
                .concatMap(invitation -> update(invitation.id(), current -> current.withExpiresAt(expiry))));
    }

    /** When links to this meeting stop working. */
    public Instant linkExpiry(Meeting meeting) {
        return meeting.end().plus(properties.linkGrace());
    }

    private Mono<Invitation> compareAndSet(Invitation current, Invitation next, String releaseEmail) {
        Invitation written = next.nextVersion();
        return redis.execute(
                        COMPARE_AND_SET,
                        List.of(invitationsKey(current.meetingId()), emailsKey(current.meetingId())),
                        List.of(current.id(), Long.toString(current.version()), Json.write(written), releaseEmail))
                .next()
                .flatMap(outcome -> switch (outcome.intValue()) {
                    case 1 -> Mono.just(written);
                    case 0 -> Mono.error(new ConcurrentChange());
                    default -> Mono.empty();
                });
    }

    private static Retry conflicts() {
        return Retry.max(MAX_CONFLICT_RETRIES).filter(ConcurrentChange.class::isInstance);
    }

    private Instant keepUntil(Meeting meeting) {
        return meeting.end().plus(meetings.retention());
    }

    private Duration ttlUntil(Instant until) {
        Duration ttl = Duration.between(clock.instant(), until);
        return ttl.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : ttl;
    }

    private String invitationsKey(String meetingId) {
        return keys.tagged("m:" + meetingId, "inv");
    }

    private String emailsKey(String meetingId) {
        return keys.tagged("m:" + meetingId, "emails");
    }

    private String tokensKey(String meetingId) {
        return keys.tagged("m:" + meetingId, "tokens");
    }

    private String tokenKey(String hash) {
        return keys.key("link", hash);
    }

    /** Another write came first; the operation re-reads and tries again. */
    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super("invitation changed concurrently", null, false, false);
        }
    }
}
