package io.guestgate.domain.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Processes a test starts (servers, applications) and how they end, also when the test JVM is killed. */
public final class ChildProcesses {

    private ChildProcesses() {}

    /** A small shell that kills {@code child} once this JVM is gone, however it ended. Destroy it with the child. */
    public static Process watchdog(Process child) throws IOException {
        return new ProcessBuilder(
                        "sh",
                        "-c",
                        "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; kill -9 "
                                + child.pid() + " 2>/dev/null")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Asks {@code child} to stop, kills it after {@code grace}, and ends its watchdog. */
    public static void stop(Process child, Process watchdog, Duration grace) {
        child.destroy();
        try {
            if (!child.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroyForcibly();
        }
        watchdog.destroy();
    }
}
