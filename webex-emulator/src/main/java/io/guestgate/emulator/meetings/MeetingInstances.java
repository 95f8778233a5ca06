package io.guestgate.emulator.meetings;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The held sessions of each meeting. Webex names a session (an instance) {@code <seriesId>_I_<number>} and gives that
 * as every participant's {@code meetingId}; a client that keeps series ids must therefore map between the two. The
 * first person to arrive opens an instance; when the last one has left it ends, and the next arrival opens a new one.
 */
@Component
class MeetingInstances {

    static final String MARKER = "_I_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One held session of a series. {@code started} is what participants show as {@code meetingStartTime}. */
    record Instance(String id, String seriesId, Instant started) {}

    private final Map<String, List<Instance>> bySeries = new ConcurrentHashMap<>();
    private final Map<String, Instance> open = new ConcurrentHashMap<>();
    private final Clock clock;

    MeetingInstances(Clock clock) {
        this.clock = clock;
    }

    static boolean isInstanceId(String id) {
        return id != null && id.indexOf(MARKER) > 0;
    }

    /** The series id within an instance id ({@code <series>_I_<n>}) or occurrence id ({@code <series>_<start>}). */
    static String seriesOf(String id) {
        return id != null && id.indexOf('_') > 0 ? id.substring(0, id.indexOf('_')) : id;
    }

    /** The series' open instance, opened now if none is. */
    synchronized Instance current(String seriesId) {
        return open.computeIfAbsent(seriesId, s -> {
            // Webex's instance numbers are 18 digits, e.g. 3a688f62840346e8b87dde2b50703511_I_197977258267247872.
            long number = 100_000_000_000_000_000L + RANDOM.nextLong(900_000_000_000_000_000L);
            Instance instance = new Instance(s + MARKER + number, s, clock.instant());
            bySeries.computeIfAbsent(s, k -> new ArrayList<>()).add(instance);
            return instance;
        });
    }

    /** Ends the series' open instance, if it is this one. */
    synchronized void end(String instanceId) {
        open.computeIfPresent(seriesOf(instanceId), (s, i) -> i.id().equals(instanceId) ? null : i);
    }

    synchronized Optional<Instance> byId(String instanceId) {
        return bySeries.getOrDefault(seriesOf(instanceId), List.of()).stream()
                .filter(i -> i.id().equals(instanceId))
                .findFirst();
    }

    /** The latest instance of a series, open or ended: what Webex lists participants of for a series id. */
    synchronized Optional<Instance> latest(String seriesId) {
        List<Instance> instances = bySeries.getOrDefault(seriesId, List.of());
        return instances.isEmpty() ? Optional.empty() : Optional.of(instances.get(instances.size() - 1));
    }
}
