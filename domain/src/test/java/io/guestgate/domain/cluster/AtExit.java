package io.guestgate.domain.cluster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The backstop for tests that share servers for a whole test JVM, or never closed what they started: one JVM shutdown
 * hook closes everything registered here and still open, newest first, one after the other. So applications started
 * on a test Redis are closed before that Redis stops (a cluster before its nodes, so its directory goes too).
 */
public final class AtExit {

    private static final Set<AutoCloseable> OPEN = new LinkedHashSet<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtExit::closeAll, "test-redis-stop"));
    }

    private AtExit() {}

    /** Closes {@code resource} at JVM exit unless it was {@link #unregister unregistered} (closed) before. */
    public static synchronized void register(AutoCloseable resource) {
        OPEN.add(resource);
    }

    public static synchronized void unregister(AutoCloseable resource) {
        OPEN.remove(resource);
    }

    private static void closeAll() {
        List<AutoCloseable> open;
        synchronized (AtExit.class) {
            open = new ArrayList<>(OPEN);
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                // Keep closing the others; the watchdog kills any process this missed.
            }
        }
    }
}
