package io.guestgate.emulator.journal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** The calls made to /v1, in order. */
@Component
public class RequestJournal {

    /** The exchange attribute a controller sets to name the OAuth grant of an /access_token call. */
    public static final String GRANT_ATTRIBUTE = RequestJournal.class.getName() + ".grant";

    private final List<JournalEntry> entries = new CopyOnWriteArrayList<>();

    void record(JournalEntry entry) {
        entries.add(entry);
    }

    public List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    public void clear() {
        entries.clear();
    }
}
