package io.guestgate.emulator.journal;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test route: the request journal. */
@RestController
class JournalController {

    private final RequestJournal journal;

    JournalController(RequestJournal journal) {
        this.journal = journal;
    }

    @GetMapping("/_emulator/requests")
    Map<String, List<JournalEntry>> list() {
        return Map.of("items", journal.entries());
    }

    @DeleteMapping("/_emulator/requests")
    ResponseEntity<Void> clear() {
        journal.clear();
        return ResponseEntity.noContent().build();
    }
}
