package io.guestgate.bot.invite;

import io.guestgate.platform.redis.RedisKeys;
import io.guestgate.platform.redis.RedisLock;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One change of a meeting at a time, across instances: a command's change (Webex first, then GuestGate's copy) and
 * Webex's webhook about that very change would otherwise race, and the guests would get the same update twice. The
 * webhook's side waits for the lock and then sees that GuestGate's copy already matches Webex.
 */
@Component
public class MeetingChangeLock {

    /** Longer than a Webex call with its retries; a holder that died frees the lock after it. */
    private static final Duration TTL = Duration.ofSeconds(60);

    private static final Duration POLL = Duration.ofMillis(100);

    private final RedisLock lock;
    private final RedisKeys keys;

    MeetingChangeLock(RedisLock lock, RedisKeys keys) {
        this.lock = lock;
        this.keys = keys;
    }

    /** {@code work}, run while this caller holds the meeting's lock; waits for another holder to finish. */
    public <T> Mono<T> holding(String meetingId, Supplier<Mono<T>> work) {
        String key = keys.tagged("m:" + meetingId, "changing");
        return Mono.defer(() -> lock.tryAcquire(key, TTL))
                .repeatWhenEmpty(ticks -> ticks.delayElements(POLL))
                .timeout(TTL.multipliedBy(2))
                .flatMap(
                        owner -> Mono.usingWhen(Mono.just(owner), held -> work.get(), held -> lock.release(key, held)));
    }
}
