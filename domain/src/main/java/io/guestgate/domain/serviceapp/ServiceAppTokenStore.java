package io.guestgate.domain.serviceapp;

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
import reactor.core.publisher.Mono;

/**
 * The Service App's token pair in Redis, one hash for the installation, both tokens sealed by {@link TokenSealer}
 * and bound to the app's client id. Next to it a set of the configured pairs already taken in (by fingerprint): a
 * configured pair is taken in once, so an instance still running with an older configuration never puts back a
 * pair that was replaced. Every change is one Lua script within the {@code {service-app}} hash tag.
 */
@Component
class ServiceAppTokenStore {

    // ARGV[1]: fingerprint of the configured pair; the rest: fields. Takes it in unless it was taken in before.
    private static final RedisScript<Long> ADOPT = RedisScript.of("""
            if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then
              return 0
            end
            redis.call('SADD', KEYS[2], ARGV[1])
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            return 1
            """, Long.class);

    // Compare-and-set on the sealed refresh token: a refresh that lost a race (another refresh, a new configured
    // pair) is dropped. ARGV[2] is the refresh token's expiry in epoch millis, or '' when Webex did not say.
    private static final RedisScript<Long> REPLACE = RedisScript.of("""
            if redis.call('HGET', KEYS[1], 'refreshToken') ~= ARGV[1] then
              return 0
            end
            redis.call('HDEL', KEYS[1], 'refreshRejected')
            redis.call('HSET', KEYS[1], unpack(ARGV, 3))
            if ARGV[2] ~= '' then
              redis.call('PEXPIREAT', KEYS[1], ARGV[2])
            end
            return 1
            """, Long.class);

    private static final RedisScript<Long> MARK_REJECTED = RedisScript.of("""
            if redis.call('HGET', KEYS[1], 'refreshToken') ~= ARGV[1] then
              return 0
            end
            redis.call('HSET', KEYS[1], 'refreshRejected', ARGV[2])
            return 1
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final TokenSealer sealer;

    ServiceAppTokenStore(ReactiveStringRedisTemplate redis, RedisKeys keys, TokenSealer sealer) {
        this.redis = redis;
        this.keys = keys;
        this.sealer = sealer;
    }

    /** What is stored, tokens still sealed; empty if nothing is (never taken in, or the refresh token's life ran out). */
    Mono<Stored> find() {
        return redis.<String, String>opsForHash()
                .entries(key())
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .filter(fields -> fields.containsKey("accessToken") && fields.containsKey("refreshToken"))
                .map(Stored::from);
    }

    /** Takes the configured pair in, replacing what is stored, unless this pair was taken in before; true if it was now. */
    Mono<Boolean> adopt(ServiceAppCredentials credentials) {
        List<String> args = new ArrayList<>();
        args.add(credentials.fingerprint());
        addPair(args, credentials.clientId(), ServiceAppPair.configured(credentials));
        return redis.execute(ADOPT, List.of(key(), adoptedKey()), args).next().map(taken -> taken == 1L);
    }

    /** Stores a refreshed pair if the stored refresh token is still {@code expectedSealedRefresh}. */
    Mono<Boolean> replace(String expectedSealedRefresh, String clientId, ServiceAppPair pair) {
        List<String> args = new ArrayList<>();
        args.add(expectedSealedRefresh);
        args.add(
                pair.refreshExpiresAt() == null
                        ? ""
                        : Long.toString(pair.refreshExpiresAt().toEpochMilli()));
        addPair(args, clientId, pair);
        return redis.execute(REPLACE, List.of(key()), args).next().map(changed -> changed == 1L);
    }

    /** Notes that Webex rejected this refresh token, so that no instance asks with it again. */
    Mono<Boolean> markRejected(String sealedRefresh, Instant at) {
        return redis.execute(MARK_REJECTED, List.of(key()), List.of(sealedRefresh, Long.toString(at.toEpochMilli())))
                .next()
                .map(changed -> changed == 1L);
    }

    /** Opens the sealed tokens; throws {@link io.guestgate.platform.crypto.SealingException} if they are not authentic. */
    ServiceAppPair open(Stored stored) {
        return new ServiceAppPair(
                sealer.open(stored.sealedAccess(), accessBinding(stored.clientId())),
                stored.accessIssuedAt(),
                stored.accessExpiresAt(),
                sealer.open(stored.sealedRefresh(), refreshBinding(stored.clientId())),
                stored.refreshExpiresAt());
    }

    String key() {
        return keys.tagged("service-app");
    }

    String adoptedKey() {
        return keys.tagged("service-app", "adopted");
    }

    String lockKey() {
        return keys.tagged("service-app", "refresh-lock");
    }

    private void addPair(List<String> args, String clientId, ServiceAppPair pair) {
        // Sealing on every write is what re-encrypts the tokens under a new active key.
        add(args, "clientId", clientId);
        add(args, "accessToken", sealer.seal(pair.accessToken(), accessBinding(clientId)));
        add(args, "refreshToken", sealer.seal(pair.refreshToken(), refreshBinding(clientId)));
        add(args, "accessIssuedAt", millis(pair.accessIssuedAt()));
        add(args, "accessExpiresAt", millis(pair.accessExpiresAt()));
        add(args, "refreshExpiresAt", millis(pair.refreshExpiresAt()));
    }

    private static void add(List<String> args, String field, String value) {
        args.add(field);
        args.add(value);
    }

    /** Empty for "not known". */
    private static String millis(Instant instant) {
        return instant == null ? "" : Long.toString(instant.toEpochMilli());
    }

    private static SealBinding accessBinding(String clientId) {
        return new SealBinding("service-app-access-token", clientId);
    }

    private static SealBinding refreshBinding(String clientId) {
        return new SealBinding("service-app-refresh-token", clientId);
    }

    /**
     * The hash as read, tokens sealed; instants are null where not known. {@link #toString()} leaves the sealed
     * values out.
     */
    record Stored(
            String clientId,
            String sealedAccess,
            Instant accessIssuedAt,
            Instant accessExpiresAt,
            String sealedRefresh,
            Instant refreshExpiresAt,
            Instant refreshRejectedAt) {

        static Stored from(Map<String, String> fields) {
            return new Stored(
                    fields.get("clientId"),
                    fields.get("accessToken"),
                    instant(fields.get("accessIssuedAt")),
                    instant(fields.get("accessExpiresAt")),
                    fields.get("refreshToken"),
                    instant(fields.get("refreshExpiresAt")),
                    instant(fields.get("refreshRejected")));
        }

        private static Instant instant(String epochMillis) {
            return epochMillis == null || epochMillis.isEmpty()
                    ? null
                    : Instant.ofEpochMilli(Long.parseLong(epochMillis));
        }

        @Override
        public String toString() {
            return "Stored[clientId=" + clientId + ", accessExpiresAt=" + accessExpiresAt + ", refreshExpiresAt="
                    + refreshExpiresAt + ", refreshRejectedAt=" + refreshRejectedAt + "]";
        }
    }
}
