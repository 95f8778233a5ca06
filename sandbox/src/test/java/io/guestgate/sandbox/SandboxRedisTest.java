package io.guestgate.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox on the shared local Redis (127.0.0.1:6379): it removes what it wrote, and nothing else. */
class SandboxRedisTest {

    private final String ours = "guestgate-sandbox-test-" + UUID.randomUUID() + ":";
    private final String theirs = "gg-test-" + UUID.randomUUID() + ":";
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private RedisCommands<String, String> redis;

    @BeforeEach
    void connect() {
        client = RedisClient.create(RedisURI.create(SandboxRedis.HOST, SandboxRedis.LOCAL_PORT));
        connection = client.connect();
        redis = connection.sync();
    }

    @AfterEach
    void disconnect() {
        redis.del(theirs + "kept");
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Test
    void usesTheLocalRedisWhenOneAnswers() throws Exception {
        try (SandboxRedis sandbox = SandboxRedis.start(SandboxSettings.RedisMode.AUTO, 0)) {
            assertThat(sandbox.isEmbedded()).isFalse();
            assertThat(sandbox.port()).isEqualTo(SandboxRedis.LOCAL_PORT);
        }
        assertThat(SandboxRedis.answers(SandboxRedis.HOST, SandboxRedis.LOCAL_PORT))
                .as("the local Redis keeps running")
                .isTrue();
    }

    @Test
    void deletesOnlyTheKeysUnderItsOwnPrefix() throws Exception {
        for (int i = 0; i < 1200; i++) {
            redis.set(ours + "k" + i, "v");
        }
        redis.hset(ours + "session:abc", "field", "value");
        redis.set(theirs + "kept", "v");

        try (SandboxRedis sandbox = SandboxRedis.start(SandboxSettings.RedisMode.LOCAL, 0)) {
            sandbox.deleteKeys(ours);
        }

        assertThat(redis.keys(ours + "*")).isEmpty();
        assertThat(redis.get(theirs + "kept")).isEqualTo("v");
    }

    @Test
    void startsAnEmbeddedRedisWhenNoLocalOneAnswers() {
        int nobody = FreePorts.free();
        try (SandboxRedis sandbox = SandboxRedis.start(SandboxSettings.RedisMode.AUTO, nobody, 0)) {
            assertThat(sandbox.isEmbedded()).isTrue();
            assertThat(SandboxRedis.answers(SandboxRedis.HOST, sandbox.port())).isTrue();
        }
    }

    @Test
    void refusesToStartWithoutALocalRedisWhenToldToUseOnlyThat() {
        int nobody = FreePorts.free();
        assertThatThrownBy(() -> SandboxRedis.start(SandboxSettings.RedisMode.LOCAL, nobody, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("guestgate.sandbox.redis=auto");
    }

    @Test
    void embeddedRedisAnswersAndIsGoneWhenClosed() throws Exception {
        int port;
        try (SandboxRedis sandbox = SandboxRedis.start(SandboxSettings.RedisMode.EMBEDDED, 0)) {
            assertThat(sandbox.isEmbedded()).isTrue();
            port = sandbox.port();
            assertThat(port).isNotEqualTo(SandboxRedis.LOCAL_PORT);
            assertThat(SandboxRedis.answers(SandboxRedis.HOST, port)).isTrue();
        }
        assertThat(SandboxRedis.answers(SandboxRedis.HOST, port)).isFalse();
    }
}
