package io.guestgate.emulator.webhooks;

import io.guestgate.emulator.support.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test routes: the deliveries made, with their status codes, and asking for a duplicate. */
@RestController
class DeliveriesController {

    private final DeliveryLog deliveries;
    private final WebhookDispatcher dispatcher;
    private final WebhookStore webhooks;

    DeliveriesController(DeliveryLog deliveries, WebhookDispatcher dispatcher, WebhookStore webhooks) {
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.webhooks = webhooks;
    }

    @GetMapping("/_emulator/deliveries")
    Map<String, List<Delivery>> list() {
        return Map.of("items", deliveries.all());
    }

    @DeleteMapping("/_emulator/deliveries")
    ResponseEntity<Void> clear() {
        deliveries.clear();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/_emulator/deliveries/{deliveryId}/duplicate")
    Delivery duplicate(@PathVariable String deliveryId) {
        return dispatcher.duplicate(deliveryId).orElseThrow(() -> ApiException.notFound("Delivery not found."));
    }

    /** Every webhook of every owner, with its status: inactive ones show who stopped answering. */
    @GetMapping("/_emulator/webhooks")
    Map<String, List<Map<String, Object>>> webhooks() {
        return Map.of(
                "items",
                webhooks.all().stream()
                        .map(w -> {
                            Map<String, Object> view = WebhooksController.view(w);
                            view.put("ownerId", w.ownerId());
                            return view;
                        })
                        .toList());
    }
}
