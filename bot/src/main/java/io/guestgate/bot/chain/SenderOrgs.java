package io.guestgate.bot.chain;

import io.guestgate.platform.redis.RedisKeys;
import io.guestgate.platform.webex.WebexProperties;
import io.guestgate.webex.WebexClient;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who a sender is, as Webex says ({@code GET /v1/people/{id}} with the bot's token): their address and their
 * organization. Remembered for an hour in Redis, so that a conversation costs one look-up, not one per message.
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

    /** The sender's first address and org id (either may be empty); empty when Webex does not know the person. */
    Mono<Sender> of(String personId) {
        String key = keys.key("sender", personId);
        return redis.<String, String>opsForHash()
                .multiGet(key, List.of("email", "org"))
                .filter(values -> values.get(0) != null || values.get(1) != null)
                .map(values -> new Sender(values.get(0), values.get(1)))
                .switchIfEmpty(Mono.defer(() -> webex.people().get(webexProperties.bot(), personId))
                        .map(person -> new Sender(nullToEmpty(person.primaryEmail()), nullToEmpty(person.orgId())))
                        .flatMap(sender -> redis.<String, String>opsForHash()
                                .putAll(key, java.util.Map.of("email", sender.email(), "org", sender.orgId()))
                                .then(redis.expire(key, REMEMBER))
                                .thenReturn(sender)));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** A sender as Webex knows them. */
    record Sender(String email, String orgId) {
        Sender {
            email = email == null ? "" : email;
            orgId = orgId == null ? "" : orgId;
        }
    }
}
