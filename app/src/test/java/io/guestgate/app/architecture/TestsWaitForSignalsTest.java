package io.guestgate.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tests wait for a real signal (Awaitility on a state, a report, a settle) or move a mutable clock; they never
 * sleep. A sleep is either too short on a busy machine or a quiet period that still passes when a bug is only slow.
 * Only the benchmarks and the fault harnesses, which make time pass on purpose, may sleep.
 */
class TestsWaitForSignalsTest {

    /** Harnesses that hold a fault or a pace on purpose; each says why where it sleeps. */
    private static final Set<String> HARNESSES =
            Set.of("RedisServerProcess.java", "SlowRelay.java", "InvitationFanOutBenchmark.java", "AppProcess.java");

    private static final Pattern SLEEP = Pattern.compile("Thread\\.sleep\\(|TimeUnit\\.\\w+\\.sleep\\(|parkNanos\\(");

    @Test
    void noTestSleeps() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("mvnw")).as("the project's root").exists();

        List<Path> testSources;
        try (Stream<Path> files = Files.walk(root)) {
            testSources = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> file.toString().contains("/src/test/java/"))
                    .filter(file -> !file.toString().contains("/node_modules/"))
                    .toList();
        }
        assertThat(testSources).as("test sources found").hasSizeGreaterThan(100);

        List<String> sleeps = new ArrayList<>();
        for (Path file : testSources) {
            if (file.toString().contains("/bench/")
                    || HARNESSES.contains(file.getFileName().toString())
                    || file.getFileName().toString().equals("TestsWaitForSignalsTest.java")) {
                continue;
            }
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                if (SLEEP.matcher(lines.get(i)).find()) {
                    sleeps.add(root.relativize(file) + ":" + (i + 1));
                }
            }
        }
        assertThat(sleeps)
                .as("sleeps in tests; wait with Awaitility on a real state instead")
                .isEmpty();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
