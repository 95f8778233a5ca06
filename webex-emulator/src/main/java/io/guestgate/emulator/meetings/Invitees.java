package io.guestgate.emulator.meetings;

import io.guestgate.emulator.support.ApiException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** The invitees of every meeting: the controller's store, and what participants report as {@code invitee}. */
@Component
class Invitees {

    private final Map<String, Invitee> byId = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(2_628_000);

    /** Adds an invitee; the same email twice for one meeting is a 409, as on Webex. */
    synchronized Invitee add(String meetingId, String email, String displayName, boolean coHost, boolean panelist) {
        if (isInvited(meetingId, email)) {
            throw ApiException.conflict("The invitee already exists.");
        }
        Invitee invitee = new Invitee(
                meetingId + "_" + sequence.incrementAndGet(),
                meetingId,
                email,
                displayName == null || displayName.isBlank() ? email : displayName,
                coHost,
                panelist);
        byId.put(invitee.id(), invitee);
        return invitee;
    }

    Optional<Invitee> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<Invitee> of(String meetingId) {
        return byId.values().stream()
                .filter(i -> i.meetingId().equals(meetingId))
                .sorted(Comparator.comparing(Invitee::id))
                .toList();
    }

    void remove(String id) {
        byId.remove(id);
    }

    /** Whether this email was invited to the meeting (series id). */
    boolean isInvited(String meetingId, String email) {
        return email != null
                && byId.values().stream()
                        .anyMatch(i ->
                                i.meetingId().equals(meetingId) && i.email().equalsIgnoreCase(email));
    }
}
