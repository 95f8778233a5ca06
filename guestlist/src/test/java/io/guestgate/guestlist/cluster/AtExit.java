package io.guestgate.guestlist.cluster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The backstop for a test that never closed what it started: one JVM shutdown hook closes every test Redis still
 * open, newest first (a cluster before its nodes, so its directory goes too), one after the other.
 */
final class AtExit {

    private static final Set<AutoCloseable> OPEN = new LinkedHashSet<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtExit::closeAll, "test-redis-stop"));
    }

    private AtExit() {
    }

    static synchronized void register(AutoCloseable resource) {
        OPEN.add(resource);
    }

    static synchronized void unregister(AutoCloseable resource) {
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
            }
            catch (Exception e) {
                // Keep closing the others; the watchdog kills any process this missed.
            }
        }
    }
}
