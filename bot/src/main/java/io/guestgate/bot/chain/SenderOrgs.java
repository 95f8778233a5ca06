package io.guestgate.bot.chain;

import java.time.Duration;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import io.guestgate.guestlist.redis.RedisKeys;
import io.guestgate.guestlist.webex.WebexProperties;
import io.guestgate.webex.WebexClient;
import reactor.core.publisher.Mono;

/**
 * The Webex organization of a sender, as Webex says ({@code GET /v1/people/{id}} with the bot's token), remembered
 * for an hour in Redis so that a conversation costs one look-up, not one per message.
 */
@Component
class SenderOrgs {

    private static final Duration REMEMBER = Duration.ofHours(1);

    private final WebexClient webex;
    private final WebexProperties webexProperties;
    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;

    SenderOrgs(WebexClient webex, WebexProperties webexProperties, ReactiveStringRedisTemplate redis, RedisKeys keys) {
        this.webex = webex;
        this.webexProperties = webexProperties;
        this.redis = redis;
        this.keys = keys;
    }

    /** The sender's org id; empty when Webex does not know the person or names no org. */
    Mono<String> of(String personId) {
        String key = keys.key("sender-org", personId);
        return redis.opsForValue().get(key)
                .switchIfEmpty(Mono.defer(() -> webex.people().get(webexProperties.bot(), personId))
                        .filter(person -> person.orgId() != null && !person.orgId().isBlank())
                        .flatMap(person -> redis.opsForValue().set(key, person.orgId(), REMEMBER)
                                .thenReturn(person.orgId())));
    }
}
