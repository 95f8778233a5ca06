package io.guestgate.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The sandbox in a JVM of its own, stopped by a signal as Ctrl-C stops it: the JVM's shutdown hook closes the
 * application, the application's beans stop while Redis still runs, and then every server of the world and the
 * embedded redis-server process stop. Nothing listens and no process is left afterwards.
 * <p>
 * The test sends SIGTERM, which starts the same JVM shutdown as Ctrl-C's SIGINT; SIGINT cannot be relied on here,
 * as processes started in the background (by a build or CI) may inherit it ignored.
 */
class SandboxShutdownTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern PORT = Pattern.compile(
            "^ (App|Webex emulator \\(REST API\\)|Identity provider \\(ich\\.app\\)|SMTP \\(GreenMail\\)|IMAP \\(GreenMail\\)|Redis)"
                    + "\\s+\\S*?(?:localhost|127\\.0\\.0\\.1):(\\d+)",
            Pattern.MULTILINE);

    @Test
    void aSignalStopsTheApplicationAndEverythingTheSandboxStarted() throws Exception {
        Path log = Files.createTempFile("guestgate-sandbox-shutdown-", ".log");
        Process sandbox = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classpath(),
                        SandboxApplication.class.getName(),
                        "--server.port=0",
                        "--guestgate.sandbox.ports.emulator=0",
                        "--guestgate.sandbox.ports.identity-provider=0",
                        "--guestgate.sandbox.ports.smtp=0",
                        "--guestgate.sandbox.ports.imap=0",
                        "--guestgate.sandbox.redis=embedded"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            String started = awaitReady(sandbox, log);
            List<Integer> ports = ports(started);
            assertThat(ports)
                    .as("app, emulator, identity provider, SMTP, IMAP and Redis ports in the block")
                    .hasSize(6)
                    .allMatch(SandboxShutdownTest::listening);
            List<ProcessHandle> children = sandbox.descendants().toList();
            assertThat(children)
                    .as("the embedded redis-server")
                    .hasSize(1)
                    .allMatch(child -> child.info().command().orElse("").contains("redis-server"));
            int linesBefore = lines(log).size();

            sandbox.destroy();

            assertThat(sandbox.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .as("the JVM exits")
                    .isTrue();
            assertThat(children).noneMatch(ProcessHandle::isAlive);
            assertThat(ports).noneMatch(SandboxShutdownTest::listening);
            // Redis and the mail server are still there while the application's beans stop: no lost connections.
            List<String> shutdown = lines(log).subList(linesBefore, lines(log).size());
            assertThat(shutdown)
                    .as("what the application logged while stopping")
                    .noneMatch(line -> line.contains(" ERROR ")
                            || line.contains("Reconnecting")
                            || line.contains("Cannot reconnect")
                            || line.contains("Connection refused")
                            || line.contains("RedisConnectionFailure"));
        } finally {
            sandbox.descendants().forEach(ProcessHandle::destroyForcibly);
            sandbox.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    /** The block printed once the sandbox is ready; fails at once should the JVM end before it. */
    private static String awaitReady(Process sandbox, Path log) throws IOException {
        try {
            return Awaitility.await()
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> {
                                String output = Files.readString(log, StandardCharsets.UTF_8);
                                int ready = output.indexOf("GuestGate sandbox ready after");
                                int end = ready < 0 ? -1 : output.indexOf("\n====", ready);
                                if (end > 0) {
                                    return output.substring(ready, end);
                                }
                                assertThat(sandbox.isAlive())
                                        .as("the sandbox is starting; its output:%n%s", output)
                                        .isTrue();
                                return null;
                            },
                            block -> block != null);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no ready block within " + START_TIMEOUT + ":\n" + Files.readString(log), e);
        }
    }

    private static List<Integer> ports(String block) {
        List<Integer> ports = new ArrayList<>();
        Matcher matcher = PORT.matcher(block);
        while (matcher.find()) {
            ports.add(Integer.parseInt(matcher.group(2)));
        }
        return ports;
    }

    private static List<String> lines(Path log) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(SandboxRedis.HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Surefire names the test class path in a property of its own; elsewhere it is the JVM's. */
    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
