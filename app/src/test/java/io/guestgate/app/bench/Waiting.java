package io.guestgate.app.bench;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What GuestGate waited on while a timed request ran, read from its own Micrometer timers: the identity provider's
 * token and userinfo endpoints ({@code http.client.requests}), Webex ({@code guestgate.webex.requests}) and Redis
 * commands (Lettuce's observations, tag {@code db.system=redis}). {@link #before} and {@link #after} bracket each timed request;
 * the time the timers gained in between is waiting, the rest of the request's time is GuestGate's own.
 * <p>
 * Requests run one at a time, so nothing else of the benchmark runs meanwhile. Blocking stream reads, which wait
 * for work by design, do not count; other background work (the outbox's retry promotion every second, say) does, so
 * the waiting is, if anything, a little too high and the own share a little too low.
 */
final class Waiting {

    /** Redis commands that block until there is work: not waiting for a request. */
    private static final Set<String> BLOCKING = Set.of("XREADGROUP", "XREAD", "BLPOP", "BRPOP", "BLMOVE", "BZPOPMIN");

    enum Peer {
        IDENTITY_PROVIDER,
        WEBEX,
        REDIS
    }

    private final MeterRegistry registry;
    private final long[] atStart = new long[Peer.values().length];
    private final long[] current = new long[Peer.values().length];
    /** Total time per timer (name and peer-telling tag) over the whole run, for the report. */
    private final Map<String, Long> byTimer = new TreeMap<>();

    private Map<String, Long> timersAtStart = Map.of();

    Waiting(MeterRegistry registry) {
        this.registry = registry;
    }

    void before() {
        timersAtStart = timers();
        sum(timersAtStart, atStart);
    }

    void after() {
        Map<String, Long> now = timers();
        long[] end = new long[Peer.values().length];
        sum(now, end);
        for (int i = 0; i < end.length; i++) {
            current[i] += end[i] - atStart[i];
        }
        now.forEach((key, nanos) -> {
            long gained = nanos - timersAtStart.getOrDefault(key, 0L);
            if (gained > 0) {
                byTimer.merge(key, gained, Long::sum);
            }
        });
    }

    /** Waiting per peer since the last call, in nanoseconds; starts the next guest's count. */
    long[] take() {
        long[] taken = current.clone();
        java.util.Arrays.fill(current, 0);
        return taken;
    }

    /** Total waiting per timer over the run, in milliseconds. */
    Map<String, Double> totalsMillis() {
        Map<String, Double> totals = new TreeMap<>();
        byTimer.forEach((key, nanos) -> totals.put(key, nanos / 1e6));
        return totals;
    }

    private Map<String, Long> timers() {
        Map<String, Long> timers = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            if (!(meter instanceof Timer timer)) {
                continue;
            }
            String key = key(timer);
            if (key != null) {
                timers.merge(key, (long) timer.totalTime(TimeUnit.NANOSECONDS), Long::sum);
            }
        }
        return timers;
    }

    /** "peer name detail" for a timer that counts as waiting, else null. */
    private static String key(Timer timer) {
        Meter.Id id = timer.getId();
        if ("redis".equals(id.getTag("db.system"))) {
            String operation = String.valueOf(id.getTag("db.operation")).toUpperCase(Locale.ROOT);
            return BLOCKING.contains(operation) ? null : Peer.REDIS + " " + operation;
        }
        if (id.getName().equals("guestgate.webex.requests")) {
            return Peer.WEBEX + " " + id.getTag("method") + " " + id.getTag("route");
        }
        if (id.getName().equals("http.client.requests")) {
            return Peer.IDENTITY_PROVIDER + " " + id.getTag("method") + " " + id.getTag("uri");
        }
        return null;
    }

    private static void sum(Map<String, Long> timers, long[] into) {
        java.util.Arrays.fill(into, 0);
        timers.forEach((key, nanos) ->
                into[Peer.valueOf(key.substring(0, key.indexOf(' '))).ordinal()] += nanos);
    }
}
