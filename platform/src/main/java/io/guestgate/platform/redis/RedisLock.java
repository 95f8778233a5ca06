package io.guestgate.platform.redis;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A lock across instances, so that only one of them refreshes a token at a time: {@code SET NX PX} with a random
 * owner value, released only by its owner. The TTL frees it if the holder dies while holding it.
 */
@Component
public class RedisLock {

    // Delete only if we still own it: after our TTL ran out, the key may already be someone else's lock.
    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """, Long.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveStringRedisTemplate redis;

    public RedisLock(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The owner value if this caller now holds the lock {@code key} for at most {@code ttl}; empty if someone else does. */
    public Mono<String> tryAcquire(String key, Duration ttl) {
        String owner = owner();
        return redis.opsForValue()
                .setIfAbsent(key, owner, ttl)
                .filter(Boolean::booleanValue)
                .map(acquired -> owner);
    }

    /** Releases the lock if {@code owner} still holds it. */
    public Mono<Void> release(String key, String owner) {
        return redis.execute(RELEASE, List.of(key), List.of(owner)).then();
    }

    private static String owner() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
