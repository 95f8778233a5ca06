package io.guestgate.emulator.meetings;

import io.guestgate.emulator.support.ApiException;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * What a host does to a meeting outside the API: in the Webex app, on the site or in Outlook. Webex tells the host's
 * {@code meetings} webhooks exactly as for a change through the API.
 */
@Component
public class HostEdits {

    private final MeetingStore store;
    private final MeetingEvents events;

    HostEdits(MeetingStore store, MeetingEvents events) {
        this.store = store;
        this.events = events;
    }

    /** The host moves or renames the meeting; the zone, password and options stay. */
    public Meeting reschedule(String meetingId, String title, Instant start, Instant end) {
        Meeting existing = store.byId(meetingId).orElseThrow(() -> ApiException.notFound("Meeting not found."));
        Meeting changed = existing.rescheduled(
                title, existing.agenda(), start, end, existing.timezone(), existing.password(), existing.options());
        store.save(changed);
        events.updated(changed);
        return changed;
    }

    /** The host deletes the meeting. */
    public void delete(String meetingId) {
        Meeting existing = store.byId(meetingId).orElseThrow(() -> ApiException.notFound("Meeting not found."));
        store.remove(existing.id());
        events.deleted(existing);
    }
}
