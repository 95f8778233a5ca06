package io.guestgate.emulator.faults;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** Armed faults, consumed one call at a time, in the order they were added. */
@Component
public class FaultInjector {

    private final List<Armed> armed = new CopyOnWriteArrayList<>();

    public void add(Fault fault) {
        armed.add(new Armed(
                fault, PathPatternParser.defaultInstance.parse(fault.pathPattern()), new AtomicInteger(fault.count())));
    }

    /** The faults still armed, with their remaining counts. */
    public List<Fault> pending() {
        return armed.stream()
                .filter(a -> a.remaining.get() > 0)
                .map(a -> new Fault(
                        a.fault.route(),
                        a.remaining.get(),
                        a.fault.status(),
                        a.fault.retryAfterSeconds(),
                        a.fault.delayMillis(),
                        a.fault.answerLost()))
                .toList();
    }

    public void clear() {
        armed.clear();
    }

    /** Takes one use of the first armed fault that matches this call, if any. */
    Optional<Fault> take(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Armed a : armed) {
            boolean methodMatches =
                    a.fault.method().equals("*") || a.fault.method().equalsIgnoreCase(method);
            if (methodMatches
                    && a.pattern.matches(container)
                    && a.remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return Optional.of(a.fault);
            }
        }
        armed.removeIf(a -> a.remaining.get() == 0);
        return Optional.empty();
    }

    private record Armed(Fault fault, PathPattern pattern, AtomicInteger remaining) {}
}
