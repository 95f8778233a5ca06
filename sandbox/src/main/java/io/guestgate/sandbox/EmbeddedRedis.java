package io.guestgate.sandbox;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import redis.embedded.core.ExecutableProvider;

/**
 * A redis-server child process from the binary bundled with embedded-redis, started and stopped by the sandbox alone.
 * <p>
 * Not embedded-redis's own {@code RedisServer}: that one adds a JVM shutdown hook which kills the process the moment
 * the JVM begins to exit, in parallel with Spring's hook, so the application would lose Redis while it still stops
 * (its mail outbox, for one, then waits for a server that is gone). Here the process stops when the sandbox's world
 * is closed, after the application's beans.
 */
final class EmbeddedRedis implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Process process;
    private final Path directory;

    private EmbeddedRedis(Process process, Path directory) {
        this.process = process;
        this.directory = directory;
    }

    static EmbeddedRedis start(String host, int port) throws IOException {
        File binary = ExecutableProvider.newJarResourceProvider().get();
        Path directory = Files.createTempDirectory("guestgate-sandbox-redis-");
        // Sandbox data lives only as long as the sandbox: no RDB snapshots, no append-only file.
        Process process = new ProcessBuilder(List.of(
                        binary.getAbsolutePath(),
                        "--bind",
                        host,
                        "--port",
                        String.valueOf(port),
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--daemonize",
                        "no",
                        "--dir",
                        directory.toString()))
                .redirectErrorStream(true)
                .start();
        EmbeddedRedis redis = new EmbeddedRedis(process, directory);
        try {
            redis.awaitReady();
            return redis;
        } catch (IOException | RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    /** Reads the server's output until it accepts connections; then keeps draining it so the pipe never fills. */
    private void awaitReady() throws IOException {
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Deque<String> lastLines = new ArrayDeque<>();
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    if (lastLines.size() == 10) {
                        lastLines.removeFirst();
                    }
                    lastLines.addLast(line);
                    if (line.contains("Ready to accept connections")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        boolean started;
        try {
            started = ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started = false;
        } catch (ExecutionException | TimeoutException e) {
            started = false;
        }
        if (!started) {
            throw new IOException("redis-server did not become ready: " + String.join(" | ", lastLines));
        }
        Thread drain = new Thread(
                () -> {
                    try {
                        output.transferTo(Writer.nullWriter());
                    } catch (IOException ignored) {
                        // The process ended.
                    }
                },
                "guestgate-sandbox-redis-output");
        drain.setDaemon(true);
        drain.start();
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM (redis-server shuts down cleanly, saving nothing), then SIGKILL if it lingers. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // An empty temporary directory; the operating system cleans its temp directory eventually.
        }
    }
}
