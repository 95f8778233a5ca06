package io.guestgate.landing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;

class SessionValueSerializerTest {

    private final SessionValueSerializer serializer = new SessionValueSerializer();

    @Test
    void keepsStringsAndTheSessionsOwnNumbersAsJson() {
        assertThat(text("{\"invitationId\":\"a-1\"}")).isEqualTo("\"{\\\"invitationId\\\":\\\"a-1\\\"}\"");
        assertThat(text(1796436793584L)).isEqualTo("1796436793584");
        assertThat(text(1800)).isEqualTo("1800");

        assertThat(roundTrip("Anna Müller \u202E")).isEqualTo("Anna Müller \u202E");
        // Spring Session reads its times as Long and its timeout as Integer.
        assertThat(roundTrip(1796436793584L)).isInstanceOf(Long.class).isEqualTo(1796436793584L);
        assertThat(roundTrip(1800)).isInstanceOf(Integer.class).isEqualTo(1800);
        assertThat(roundTrip(true)).isEqualTo(true);
    }

    @Test
    void aRemovedAttributeIsWrittenAsNothingAndReadAsAbsent() {
        assertThat(serializer.serialize(null)).isEmpty();
        assertThat(serializer.deserialize(new byte[0])).isNull();
        assertThat(serializer.deserialize(null)).isNull();
    }

    @Test
    void refusesToWriteAnyObject() {
        for (Object value : new Object[] {
            new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", "secret-value"), Map.of("a", "b"), new StringBuilder("text")
        }) {
            assertThatThrownBy(() -> serializer.serialize(value))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining(value.getClass().getName())
                    .hasMessageNotContaining("secret-value");
        }
    }

    @Test
    void readsNoObjectsBackWhateverRedisHolds() {
        byte[] javaSerialised = RedisSerializer.java().serialize(new DefaultCsrfToken("h", "p", "t"));
        assertThat(javaSerialised[0]).isEqualTo((byte) 0xAC);

        assertThat(serializer.deserialize(javaSerialised)).isNull();
        assertThat(serializer.deserialize(bytes("{\"@class\":\"java.net.URL\",\"value\":\"http://x\"}")))
                .isNull();
        assertThat(serializer.deserialize(bytes("[\"java.util.ArrayList\",[]]")))
                .isNull();
        assertThat(serializer.deserialize(bytes("not json"))).isNull();
    }

    private String text(Object value) {
        return new String(serializer.serialize(value), StandardCharsets.UTF_8);
    }

    private Object roundTrip(Object value) {
        return serializer.deserialize(serializer.serialize(value));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
