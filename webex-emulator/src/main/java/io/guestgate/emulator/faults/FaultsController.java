package io.guestgate.emulator.faults;

import io.guestgate.emulator.support.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Test route: arm, list and clear faults. */
@RestController
class FaultsController {

    private final FaultInjector faults;

    FaultsController(FaultInjector faults) {
        this.faults = faults;
    }

    @PostMapping("/_emulator/faults")
    ResponseEntity<Fault> add(@RequestBody FaultRequest request) {
        Fault fault;
        try {
            fault = new Fault(
                    request.route(),
                    request.count() == null ? 1 : request.count(),
                    request.status(),
                    request.retryAfterSeconds(),
                    request.delayMillis(),
                    request.answerLost());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        faults.add(fault);
        return ResponseEntity.status(HttpStatus.CREATED).body(fault);
    }

    @GetMapping("/_emulator/faults")
    Map<String, List<Fault>> list() {
        return Map.of("items", faults.pending());
    }

    @DeleteMapping("/_emulator/faults")
    ResponseEntity<Void> clear() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    record FaultRequest(
            String route,
            Integer count,
            Integer status,
            Integer retryAfterSeconds,
            Long delayMillis,
            Boolean answerLost) {}
}
