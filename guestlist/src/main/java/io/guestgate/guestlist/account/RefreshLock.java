package io.guestgate.guestlist.account;

import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import io.guestgate.guestlist.redis.RedisKeys;
import reactor.core.publisher.Mono;

/**
 * A per-organizer lock across instances, so only one of them refreshes a token at a time: {@code SET NX PX} with a
 * random owner value, released only by its owner. The TTL frees it if the holder dies mid-refresh.
 */
@Component
class RefreshLock {

    // Delete only if we still own it: after our TTL ran out, the key may already be someone else's lock.
    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final AccountProperties properties;

    RefreshLock(ReactiveStringRedisTemplate redis, RedisKeys keys, AccountProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.properties = properties;
    }

    /** The owner value if this caller now holds the lock; empty if someone else does. */
    Mono<String> tryAcquire(String personId) {
        String owner = Randoms.random256();
        return redis.opsForValue().setIfAbsent(key(personId), owner, properties.refreshLockTtl())
                .filter(Boolean::booleanValue)
                .map(acquired -> owner);
    }

    Mono<Void> release(String personId, String owner) {
        return redis.execute(RELEASE, List.of(key(personId)), List.of(owner)).then();
    }

    String key(String personId) {
        // Same hash tag as the account, so both live in one cluster slot.
        return keys.tagged("org:" + PersonIds.require(personId), "refresh-lock");
    }
}
