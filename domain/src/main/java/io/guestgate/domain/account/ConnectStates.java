package io.guestgate.domain.account;

import io.guestgate.platform.crypto.SealBinding;
import io.guestgate.platform.crypto.TokenSealer;
import io.guestgate.platform.redis.Json;
import io.guestgate.platform.redis.RedisKeys;
import io.guestgate.webex.oauth.Pkce;
import java.time.Clock;
import java.time.Instant;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Pending logins. A state is 256 random bits, lives {@code guestgate.account.link-state-ttl} (10 minutes), is bound
 * to the chat person who asked and carries the PKCE verifier. It is stored under its SHA-256, with the verifier
 * sealed, and taken with GETDEL so that exactly one callback can use it.
 */
@Component
class ConnectStates {

    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final TokenSealer sealer;
    private final AccountProperties properties;
    private final Clock clock;

    ConnectStates(
            ReactiveStringRedisTemplate redis,
            RedisKeys keys,
            TokenSealer sealer,
            AccountProperties properties,
            Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.sealer = sealer;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new state for {@code personId}; the returned value goes into the login link and nowhere else. */
    Mono<String> create(String personId) {
        String state = Randoms.random256();
        String hash = Randoms.sha256Hex(state);
        Instant expiresAt = clock.instant().plus(properties.linkStateTtl());
        Stored stored = new Stored(
                PersonIds.require(personId),
                sealer.seal(Pkce.generate().verifier(), binding(hash)),
                expiresAt.toEpochMilli());
        return redis.opsForValue()
                .set(key(hash), Json.write(stored), properties.linkStateTtl())
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Redis did not store the login state")))
                .thenReturn(state);
    }

    /** The pending login, without using it up; empty if unknown, used or expired. */
    Mono<ConnectState> peek(String state) {
        return lookup(state, false);
    }

    /** The pending login, removed atomically so that no second callback can use it; empty if unknown, used or expired. */
    Mono<ConnectState> consume(String state) {
        return lookup(state, true);
    }

    private Mono<ConnectState> lookup(String state, boolean consume) {
        if (!Randoms.looksLikeRandom256(state)) {
            return Mono.empty();
        }
        String hash = Randoms.sha256Hex(state);
        Mono<String> value = consume
                ? redis.opsForValue().getAndDelete(key(hash))
                : redis.opsForValue().get(key(hash));
        return value.map(json -> Json.read(json, Stored.class))
                // Redis expires the key; the clock check also covers a key whose TTL was lost, e.g. by a restore.
                .filter(stored -> clock.instant().isBefore(Instant.ofEpochMilli(stored.expiresAt())))
                .map(stored -> new ConnectState(
                        stored.personId(),
                        sealer.open(stored.verifier(), binding(hash)),
                        Instant.ofEpochMilli(stored.expiresAt())));
    }

    String key(String stateHash) {
        return keys.key("link-state", stateHash);
    }

    private static SealBinding binding(String stateHash) {
        return new SealBinding("pkce-verifier", stateHash);
    }

    /** The JSON kept in Redis. */
    record Stored(String personId, String verifier, long expiresAt) {}
}
