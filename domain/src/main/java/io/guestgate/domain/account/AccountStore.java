package io.guestgate.domain.account;

import io.guestgate.platform.crypto.SealBinding;
import io.guestgate.platform.crypto.TokenSealer;
import io.guestgate.platform.redis.RedisKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Organizer accounts in Redis: one hash per organizer, tokens sealed by {@link TokenSealer}. Every change that
 * touches more than one field runs as one Lua script, so a reader never sees half an account. The hash expires
 * with the refresh token, after which it is useless anyway.
 */
@Component
class AccountStore {

    private static final String LINKED = "linked";
    private static final String UNLINKED = "unlinked";

    private static final RedisScript<Long> LINK = RedisScript.of("""
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            redis.call('PEXPIREAT', KEYS[1], ARGV[1])
            return 1
            """, Long.class);

    // Compare-and-set on the sealed refresh token: a refresh that raced with a logout or a new link is dropped.
    private static final RedisScript<Long> REPLACE_TOKENS = RedisScript.of("""
            if redis.call('HGET', KEYS[1], 'status') ~= 'linked'
                or redis.call('HGET', KEYS[1], 'refreshToken') ~= ARGV[1] then
              return 0
            end
            redis.call('HSET', KEYS[1], unpack(ARGV, 3))
            redis.call('PEXPIREAT', KEYS[1], ARGV[2])
            return 1
            """, Long.class);

    private static final RedisScript<Long> UPDATE_TIMEZONE = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then
              return 0
            end
            redis.call('HSET', KEYS[1], 'timezone', ARGV[1])
            return 1
            """, Long.class);

    // ARGV[1] empty: unlink whatever is stored (logout); otherwise only if the refresh token is still that one.
    private static final RedisScript<Long> UNLINK = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then
              return 0
            end
            if ARGV[1] ~= '' and redis.call('HGET', KEYS[1], 'refreshToken') ~= ARGV[1] then
              return 0
            end
            redis.call('HDEL', KEYS[1], 'accessToken', 'accessExpiresAt', 'refreshToken', 'refreshExpiresAt')
            redis.call('HSET', KEYS[1], 'status', 'unlinked')
            return 1
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final TokenSealer sealer;

    AccountStore(ReactiveStringRedisTemplate redis, RedisKeys keys, TokenSealer sealer) {
        this.redis = redis;
        this.keys = keys;
        this.sealer = sealer;
    }

    /** The stored account with its tokens still sealed; empty if the organizer never linked (or it expired). */
    Mono<StoredAccount> find(String personId) {
        return redis.<String, String>opsForHash()
                .entries(key(personId))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .filter(fields -> !fields.isEmpty())
                .map(fields -> StoredAccount.from(personId, fields));
    }

    /** Stores a freshly linked account, replacing whatever was there. */
    Mono<Void> link(OrganizerAccount account, IssuedTokens tokens) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(tokens.refreshExpiresAt().toEpochMilli()));
        add(args, "email", account.email());
        add(args, "displayName", account.displayName());
        add(args, "linkedAt", Long.toString(account.linkedAt().toEpochMilli()));
        add(args, "timezone", account.timezone());
        add(args, "status", LINKED);
        addTokens(args, account.personId(), tokens);
        return redis.execute(LINK, List.of(key(account.personId())), args)
                .then(redis.opsForSet().add(indexKey(), account.personId()))
                .then();
    }

    /**
     * Every organizer who linked (or whose token was refreshed) since this index exists, linked or not now: the
     * periodic check of the links walks it. Unlinked ones are taken out by {@link #forget}.
     */
    Flux<String> personIds() {
        return redis.opsForSet().members(indexKey());
    }

    /** Takes an organizer out of the index, e.g. once their account is gone altogether. */
    Mono<Void> forget(String personId) {
        return redis.opsForSet().remove(indexKey(), personId).then();
    }

    private String indexKey() {
        return keys.key("organizers");
    }

    /** Stores refreshed tokens if the account still holds {@code expectedSealedRefresh}; false if it changed meanwhile. */
    Mono<Boolean> replaceTokens(String personId, String expectedSealedRefresh, IssuedTokens tokens) {
        List<String> args = new ArrayList<>();
        args.add(expectedSealedRefresh);
        args.add(Long.toString(tokens.refreshExpiresAt().toEpochMilli()));
        addTokens(args, personId, tokens);
        return redis.execute(REPLACE_TOKENS, List.of(key(personId)), args)
                .next()
                .map(changed -> changed == 1L)
                .flatMap(changed ->
                        changed ? redis.opsForSet().add(indexKey(), personId).thenReturn(true) : Mono.just(false));
    }

    /** Records the organizer's time zone as Webex reports it now ({@code ""}: none), if the account exists. */
    Mono<Void> updateTimezone(String personId, String timezone) {
        return redis.execute(UPDATE_TIMEZONE, List.of(key(personId)), List.of(timezone == null ? "" : timezone))
                .then();
    }

    /** Deletes the tokens and marks the account unlinked; false if there was no account. */
    Mono<Boolean> unlink(String personId) {
        return unlinkIfRefreshIs(personId, "");
    }

    /** Like {@link #unlink}, but only while the account still holds this (rejected) refresh token. */
    Mono<Boolean> unlinkIfRefreshIs(String personId, String sealedRefresh) {
        return redis.execute(UNLINK, List.of(key(personId)), List.of(sealedRefresh))
                .next()
                .map(done -> done == 1L);
    }

    /** Opens the sealed tokens; throws {@link io.guestgate.platform.crypto.SealingException} if they are not authentic. */
    IssuedTokens open(StoredAccount stored) {
        String personId = stored.account().personId();
        return new IssuedTokens(
                sealer.open(stored.sealedAccess(), accessBinding(personId)),
                stored.accessExpiresAt(),
                sealer.open(stored.sealedRefresh(), refreshBinding(personId)),
                stored.refreshExpiresAt());
    }

    String key(String personId) {
        return keys.tagged("org:" + PersonIds.require(personId));
    }

    private void addTokens(List<String> args, String personId, IssuedTokens tokens) {
        // Sealing on every write is what re-encrypts values under a retired key.
        add(args, "accessToken", sealer.seal(tokens.accessToken(), accessBinding(personId)));
        add(args, "accessExpiresAt", Long.toString(tokens.accessExpiresAt().toEpochMilli()));
        add(args, "refreshToken", sealer.seal(tokens.refreshToken(), refreshBinding(personId)));
        add(args, "refreshExpiresAt", Long.toString(tokens.refreshExpiresAt().toEpochMilli()));
    }

    private static void add(List<String> args, String field, String value) {
        args.add(field);
        args.add(value);
    }

    private static SealBinding accessBinding(String personId) {
        return new SealBinding("organizer-access-token", personId);
    }

    private static SealBinding refreshBinding(String personId) {
        return new SealBinding("organizer-refresh-token", personId);
    }

    /**
     * An account as read from Redis. The token fields are null when the account is unlinked.
     * {@link #toString()} leaves the sealed values out; they are ciphertext, but logs have no use for them.
     */
    record StoredAccount(
            OrganizerAccount account,
            String sealedAccess,
            Instant accessExpiresAt,
            String sealedRefresh,
            Instant refreshExpiresAt) {

        static StoredAccount from(String personId, Map<String, String> fields) {
            boolean linked = LINKED.equals(fields.get("status"));
            OrganizerAccount account = new OrganizerAccount(
                    personId,
                    fields.get("email"),
                    fields.get("displayName"),
                    instant(fields.get("linkedAt")),
                    linked ? AccountStatus.LINKED : AccountStatus.UNLINKED,
                    fields.get("timezone"));
            boolean hasTokens = linked && fields.containsKey("accessToken") && fields.containsKey("refreshToken");
            return new StoredAccount(
                    hasTokens ? account : account.withStatus(AccountStatus.UNLINKED),
                    hasTokens ? fields.get("accessToken") : null,
                    hasTokens ? instant(fields.get("accessExpiresAt")) : null,
                    hasTokens ? fields.get("refreshToken") : null,
                    hasTokens ? instant(fields.get("refreshExpiresAt")) : null);
        }

        boolean hasTokens() {
            return sealedRefresh != null;
        }

        private static Instant instant(String epochMillis) {
            return epochMillis == null ? Instant.EPOCH : Instant.ofEpochMilli(Long.parseLong(epochMillis));
        }

        @Override
        public String toString() {
            return "StoredAccount[" + account + ", accessExpiresAt=" + accessExpiresAt + "]";
        }
    }
}
