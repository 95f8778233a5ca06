package io.guestgate.sandbox;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The sandbox's Redis: the local server on 127.0.0.1:6379 when one answers, otherwise an embedded one (a bundled
 * redis-server child process that never writes to disk).
 */
final class SandboxRedis implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final int LOCAL_PORT = 6379;

    private final int port;
    private final EmbeddedRedis embedded;

    private SandboxRedis(int port, EmbeddedRedis embedded) {
        this.port = port;
        this.embedded = embedded;
    }

    static SandboxRedis start(SandboxSettings.RedisMode mode, int embeddedPort) {
        return start(mode, LOCAL_PORT, embeddedPort);
    }

    /** With the local server looked for on {@code localPort}: 6379, except in tests of the fallback. */
    static SandboxRedis start(SandboxSettings.RedisMode mode, int localPort, int embeddedPort) {
        if (mode != SandboxSettings.RedisMode.EMBEDDED && answers(HOST, localPort)) {
            return new SandboxRedis(localPort, null);
        }
        if (mode == SandboxSettings.RedisMode.LOCAL) {
            throw new IllegalStateException("No Redis answers on " + HOST + ":" + localPort
                    + ", and guestgate.sandbox.redis=local forbids an embedded one. Start Redis, or set "
                    + "guestgate.sandbox.redis=auto");
        }
        return startEmbedded(embeddedPort);
    }

    private static SandboxRedis startEmbedded(int wantedPort) {
        IOException last = null;
        // A free port found now may be taken before redis-server binds it; a fixed port gets one attempt.
        for (int attempt = 0; attempt < (wantedPort == 0 ? 3 : 1); attempt++) {
            int port = FreePorts.orFree(wantedPort);
            try {
                return new SandboxRedis(port, EmbeddedRedis.start(HOST, port));
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IllegalStateException(
                "The embedded Redis did not start (guestgate.sandbox.ports.embedded-redis=" + wantedPort + "): "
                        + (last == null ? "" : last.getMessage()),
                last);
    }

    /** Sends PING and waits briefly for +PONG, like scripts/lib/services.sh does. */
    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(5);
            return "+PONG".equals(new String(reply, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    String host() {
        return HOST;
    }

    int port() {
        return port;
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * Removes what this sandbox wrote to a shared local Redis: every key under its own prefix (SCAN + UNLINK, never a
     * flush). An embedded Redis needs no cleaning, its data ends with the process.
     */
    void deleteKeys(String keyPrefix) {
        if (embedded != null) {
            return;
        }
        RedisClient client = RedisClient.create(RedisURI.create(HOST, port));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            ScanArgs matching = ScanArgs.Builder.matches(keyPrefix + "*").limit(500);
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, matching);
                if (!page.getKeys().isEmpty()) {
                    redis.unlink(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
