package io.guestgate.emulator.faults;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Armed webhook delivery faults, consumed one delivery at a time in the order they were added; the dispatcher asks
 * before each delivery, so a consumer's tests can lose or slow down exactly the events they mean to.
 */
@Component
public class DeliveryFaults {

    private final List<Armed> armed = new CopyOnWriteArrayList<>();

    public void add(DeliveryFault fault) {
        armed.add(new Armed(fault, fault.count() == null ? null : new AtomicInteger(fault.count())));
    }

    /** The faults still armed, with their remaining counts. */
    public List<DeliveryFault> pending() {
        return armed.stream()
                .filter(Armed::live)
                .map(a -> a.remaining == null
                        ? a.fault
                        : new DeliveryFault(
                                a.fault.resource(), a.fault.action(), a.fault.delayMillis(), a.remaining.get()))
                .toList();
    }

    public void clear() {
        armed.clear();
    }

    /** Takes one use of the first armed fault for this delivery's resource, if any. */
    public Optional<DeliveryFault> take(String resource) {
        for (Armed a : armed) {
            if (a.fault.appliesTo(resource)
                    && (a.remaining == null || a.remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0)) {
                return Optional.of(a.fault);
            }
        }
        armed.removeIf(a -> !a.live());
        return Optional.empty();
    }

    /** {@code remaining} is null for a fault that lasts until cleared. */
    private record Armed(DeliveryFault fault, AtomicInteger remaining) {
        boolean live() {
            return remaining == null || remaining.get() > 0;
        }
    }
}
