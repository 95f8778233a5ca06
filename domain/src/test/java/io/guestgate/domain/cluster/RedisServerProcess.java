package io.guestgate.domain.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A {@code redis-server} of the test's own, on 127.0.0.1, that a test may stop and start again on the same port
 * (the shared Redis on 6379 must never be stopped). Nothing is persisted: a restarted server is empty, as after a
 * failover to an empty replica or a restart without persistence.
 * <p>
 * No process outlives the tests: {@link #close()} stops it and deletes its directory; a JVM shutdown hook closes
 * every server still open; and a small watchdog shell kills the server if the JVM itself is killed.
 */
public final class RedisServerProcess implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final Path dir;
    private final int port;
    private final List<String> extraArgs;
    private final boolean ownsDir;
    private Process server;
    private Process watchdog;

    private RedisServerProcess(Path dir, int port, List<String> extraArgs, boolean ownsDir) {
        this.dir = dir;
        this.port = port;
        this.extraArgs = List.copyOf(extraArgs);
        this.ownsDir = ownsDir;
    }

    /** A standalone server on a free port, started. */
    public static RedisServerProcess startStandalone() {
        Path dir = tempDir("gg-redis-");
        RedisServerProcess process = new RedisServerProcess(dir, freePort(false), List.of(), true);
        process.start();
        return process;
    }

    /** A cluster-enabled node in {@code dir} (shared with its siblings), started; the cluster is formed elsewhere. */
    static RedisServerProcess startClusterNode(Path dir) {
        int port = freePort(true);
        RedisServerProcess process = new RedisServerProcess(
                dir,
                port,
                List.of(
                        "--cluster-enabled", "yes",
                        "--cluster-config-file", "nodes-" + port + ".conf",
                        "--cluster-node-timeout", "5000"),
                false);
        process.start();
        return process;
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:<port>}. */
    public String address() {
        return HOST + ":" + port;
    }

    /** Starts the server (again) on its port and waits until it answers PING. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(
                redisServer(),
                "--port",
                Integer.toString(port),
                "--bind",
                HOST,
                "--dir",
                dir.toString(),
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--logfile",
                ""));
        command.addAll(extraArgs);
        try {
            server = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("redis-" + port + ".log").toFile()))
                    .start();
            watchdog = ChildProcesses.watchdog(server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server (scripts/test installs it)", e);
        }
        AtExit.register(this);
        await("redis-server on port " + port + " answering")
                .atMost(READY_TIMEOUT)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    if (!server.isAlive()) {
                        throw new IllegalStateException(
                                "redis-server on port " + port + " exited at start; see " + dir);
                    }
                    return Resp.answers(HOST, port);
                });
    }

    /** Stops the server (as an outage would), keeping its port and directory for {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        ChildProcesses.stop(server, watchdog, Duration.ofSeconds(10));
        server = null;
        watchdog = null;
    }

    /** An outage of {@code length}: stops the server, keeps it down that long and starts it again (empty). */
    public void outage(Duration length) {
        stop();
        try {
            // Fault harness: how long the outage lasts, which is the fault itself, not a wait for something to happen.
            Thread.sleep(length.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        start();
    }

    public synchronized boolean isRunning() {
        return server != null && server.isAlive();
    }

    /** The server's process id while it runs. */
    public synchronized long pid() {
        if (server == null) {
            throw new IllegalStateException("not running");
        }
        return server.pid();
    }

    /** Sends one command to this server and returns its reply (strings, Longs, Lists, null). */
    public Object command(String... args) {
        try {
            return Resp.command(HOST, port, args);
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server on port " + port + " did not answer", e);
        }
    }

    @Override
    public synchronized void close() {
        stop();
        AtExit.unregister(this);
        if (ownsDir) {
            deleteTree(dir);
        }
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover empty temp directory is harmless; a leftover process is not, and stop() saw to that.
        }
    }

    /**
     * A port nobody listens on. A cluster node also needs port + 10000 for its cluster bus, so those come from
     * below the kernel's ephemeral range, where port + 10000 is still a valid port.
     */
    private static int freePort(boolean withBus) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = withBus ? ThreadLocalRandom.current().nextInt(20000, 30000) : 0;
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
                if (!withBus) {
                    return socket.getLocalPort();
                }
                try (ServerSocket bus = new ServerSocket(port + 10000, 1, InetAddress.getByName(HOST))) {
                    return port;
                }
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port for a test redis-server");
    }

    private static String redisServer() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "redis-server"))) {
                return Path.of(dir, "redis-server").toString();
            }
        }
        throw new IllegalStateException("redis-server is not installed; scripts/test installs it "
                + "(apt-get install redis-server redis-tools)");
    }
}
