package io.guestgate.emulator.webhooks;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/** Every delivery made, in the order they were started. */
@Component
public class DeliveryLog {

    private final Map<String, Delivery> byId = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();

    void add(Delivery delivery) {
        byId.put(delivery.id(), delivery);
        order.add(delivery.id());
    }

    void record(String deliveryId, Delivery.Attempt attempt) {
        byId.computeIfPresent(deliveryId, (k, d) -> d.with(attempt));
    }

    void update(String deliveryId, UnaryOperator<Delivery> change) {
        byId.computeIfPresent(deliveryId, (k, d) -> change.apply(d));
    }

    public Optional<Delivery> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Delivery> all() {
        return order.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    public void clear() {
        order.clear();
        byId.clear();
    }
}
