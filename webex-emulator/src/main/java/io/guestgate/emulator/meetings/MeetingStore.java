package io.guestgate.emulator.meetings;

import io.guestgate.emulator.support.ApiException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The meetings, by id. */
@Component
public class MeetingStore {

    private final Map<String, Meeting> byId = new ConcurrentHashMap<>();

    void save(Meeting meeting) {
        byId.put(meeting.id(), meeting);
    }

    boolean remove(String id) {
        return byId.remove(id) != null;
    }

    public Optional<Meeting> byId(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    /**
     * A meeting as the caller sees it: another host's meeting does not exist for them, as on Webex. An occurrence id
     * ({@code <seriesId>_<start>}) names its series, since the emulator schedules single meetings only.
     */
    Meeting requireHostedBy(String id, String hostUserId) {
        String seriesId = id != null && id.indexOf('_') > 0 ? id.substring(0, id.indexOf('_')) : id;
        return byId(seriesId)
                .filter(m -> m.hostUserId().equals(hostUserId))
                .orElseThrow(() -> ApiException.notFound("Meeting not found."));
    }

    /** Finds by id, meeting number, SIP address or web link: the ways a client can name a meeting. */
    public Optional<Meeting> byDestination(String destination) {
        if (destination == null) {
            return Optional.empty();
        }
        return byId(destination)
                .or(() -> byId.values().stream()
                        .filter(m -> m.meetingNumber().equals(destination)
                                || m.sipAddress().equalsIgnoreCase(destination)
                                || m.webLink().equals(destination))
                        .findFirst());
    }

    boolean numberTaken(String number) {
        return byId.values().stream().anyMatch(m -> m.meetingNumber().equals(number));
    }

    public List<Meeting> all() {
        return byId.values().stream()
                .sorted(Comparator.comparing(Meeting::start).thenComparing(Meeting::id))
                .toList();
    }
}
