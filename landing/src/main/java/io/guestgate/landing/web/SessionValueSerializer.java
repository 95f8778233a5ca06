package io.guestgate.landing.web;

import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How Spring Session writes the values of a web session to Redis: as JSON scalars, and nothing else. The session's
 * own bookkeeping is numbers (creation and last access in epoch milliseconds, a {@code Long}; the timeout in seconds,
 * an {@code Integer}); every attribute the landing sets is a string (JSON written by {@code GuestSession} and its
 * kind).
 * <p>
 * Anything else is refused when it is written, so no component can slip an object into the session unnoticed; and
 * nothing but strings and numbers is ever read back, so a value written into Redis by someone else cannot make the
 * landing build an object (no Java deserialisation, no JSON type ids). A value that is not a JSON scalar (e.g. a Java
 * serialisation stream from an older version) reads as absent.
 */
final class SessionValueSerializer implements RedisSerializer<Object> {

    private static final byte[] NONE = new byte[0];
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public byte[] serialize(Object value) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof String || value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            return JSON.writeValueAsBytes(value);
        }
        // The type only: the value may be anything, a token included.
        throw new SerializationException("Web sessions hold strings and numbers only, not a "
                + value.getClass().getName());
    }

    @Override
    public Object deserialize(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (JacksonException e) {
            return null;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        return node.isBoolean() ? node.booleanValue() : null;
    }
}
