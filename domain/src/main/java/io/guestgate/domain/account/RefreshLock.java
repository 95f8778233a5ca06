package io.guestgate.domain.account;

import io.guestgate.platform.redis.RedisKeys;
import io.guestgate.platform.redis.RedisLock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The per-organizer {@link RedisLock}, so only one instance refreshes an organizer's token at a time. It lives
 * {@code guestgate.account.refresh-lock-ttl}, which bounds how long a crashed holder blocks the others.
 */
@Component
class RefreshLock {

    private final RedisLock lock;
    private final RedisKeys keys;
    private final AccountProperties properties;

    RefreshLock(RedisLock lock, RedisKeys keys, AccountProperties properties) {
        this.lock = lock;
        this.keys = keys;
        this.properties = properties;
    }

    /** The owner value if this caller now holds the lock; empty if someone else does. */
    Mono<String> tryAcquire(String personId) {
        return lock.tryAcquire(key(personId), properties.refreshLockTtl());
    }

    Mono<Void> release(String personId, String owner) {
        return lock.release(key(personId), owner);
    }

    String key(String personId) {
        // Same hash tag as the account, so both live in one cluster slot.
        return keys.tagged("org:" + PersonIds.require(personId), "refresh-lock");
    }
}
