package io.guestgate.emulator.faults;

import io.guestgate.emulator.support.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Test route: arm, list and clear webhook delivery faults, next to the API faults of {@code /_emulator/faults}. */
@RestController
class DeliveryFaultsController {

    private final DeliveryFaults faults;

    DeliveryFaultsController(DeliveryFaults faults) {
        this.faults = faults;
    }

    /** Body {@code {"resource": "meetingParticipants", "action": "drop" | "delay", "delayMillis": 500, "count": 1}}. */
    @PostMapping("/_emulator/faults/deliveries")
    ResponseEntity<DeliveryFault> add(@RequestBody(required = false) Request request) {
        DeliveryFault fault;
        try {
            if (request == null || request.action() == null) {
                throw new IllegalArgumentException("resource and action (drop or delay) are required");
            }
            DeliveryFault.Action action = switch (request.action().toLowerCase(Locale.ROOT)) {
                case "drop" -> DeliveryFault.Action.DROP;
                case "delay" -> DeliveryFault.Action.DELAY;
                default -> throw new IllegalArgumentException("action must be drop or delay");
            };
            fault = new DeliveryFault(request.resource(), action, request.delayMillis(), request.count());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        faults.add(fault);
        return ResponseEntity.status(HttpStatus.CREATED).body(fault);
    }

    @GetMapping("/_emulator/faults/deliveries")
    Map<String, List<DeliveryFault>> list() {
        return Map.of("items", faults.pending());
    }

    @DeleteMapping("/_emulator/faults/deliveries")
    ResponseEntity<Void> clear() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    record Request(String resource, String action, Long delayMillis, Integer count) {}
}
