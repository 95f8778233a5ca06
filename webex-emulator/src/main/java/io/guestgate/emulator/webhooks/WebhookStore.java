package io.guestgate.emulator.webhooks;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/** The registered webhooks, by id. */
@Component
public class WebhookStore {

    private final Map<String, Webhook> byId = new ConcurrentHashMap<>();

    void save(Webhook webhook) {
        byId.put(webhook.id(), webhook);
    }

    Optional<Webhook> update(String id, UnaryOperator<Webhook> change) {
        return Optional.ofNullable(byId.computeIfPresent(id, (k, w) -> change.apply(w)));
    }

    boolean remove(String id) {
        return byId.remove(id) != null;
    }

    public Optional<Webhook> byId(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    public List<Webhook> all() {
        return byId.values().stream()
                .sorted(Comparator.comparing(Webhook::created).thenComparing(Webhook::id))
                .toList();
    }
}
