package io.guestgate.bot.meeting;

import org.springframework.stereotype.Component;

import io.guestgate.bot.command.MeetingRef;
import io.guestgate.guestlist.meeting.Meeting;
import io.guestgate.guestlist.meeting.MeetingStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds the meeting an organizer means. Only their own upcoming meetings are searched, so a reference can never
 * reach someone else's meeting. List numbers count exactly as {@code list} shows them.
 */
@Component
public class MeetingResolver {

    private final MeetingStore store;

    MeetingResolver(MeetingStore store) {
        this.store = store;
    }

    /** The organizer's upcoming meetings, numbered from 1 in this order by {@code list}. */
    public Flux<Meeting> upcoming(String organizerPersonId) {
        return store.upcomingFor(organizerPersonId);
    }

    /** The meeting {@code ref} names among the organizer's upcoming meetings; empty if none. */
    public Mono<Meeting> resolve(String organizerPersonId, MeetingRef ref) {
        if (ref instanceof MeetingRef.ListNumber number) {
            return upcoming(organizerPersonId).skip(number.number() - 1L).next();
        }
        String digits = ((MeetingRef.MeetingNumber) ref).digits();
        return upcoming(organizerPersonId)
                .filter(meeting -> meeting.webex().meetingNumber() != null
                        && digits.equals(meeting.webex().meetingNumber().replaceAll("[^0-9]", "")))
                .next();
    }

    /** The upcoming meeting the organizer created last: what {@code add} without a reference means. */
    public Mono<Meeting> latest(String organizerPersonId) {
        return upcoming(organizerPersonId)
                .reduce((a, b) -> b.createdAt().isAfter(a.createdAt()) ? b : a);
    }
}
