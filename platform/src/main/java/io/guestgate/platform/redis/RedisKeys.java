package io.guestgate.platform.redis;

import io.guestgate.platform.GuestgateProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Names every Redis key GuestGate writes. All keys carry the configured prefix. Keys that change together in one
 * atomic step share a Redis Cluster hash tag (the part in braces), so they live in the same slot.
 */
@Component
public class RedisKeys {

    private final String prefix;

    @Autowired
    public RedisKeys(GuestgateProperties properties) {
        this(properties.redis().keyPrefix());
    }

    public RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    /** A key made of the prefix and the given parts joined by ':'. */
    public String key(String... parts) {
        return prefix + String.join(":", parts);
    }

    /** A key whose {@code tag} is a Redis Cluster hash tag: keys with the same tag share a slot. */
    public String tagged(String tag, String... rest) {
        StringBuilder key = new StringBuilder(prefix).append('{').append(tag).append('}');
        for (String part : rest) {
            key.append(':').append(part);
        }
        return key.toString();
    }

    public String prefix() {
        return prefix;
    }
}
