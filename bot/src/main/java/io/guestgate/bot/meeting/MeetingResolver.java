package io.guestgate.bot.meeting;

import io.guestgate.bot.command.MeetingRef;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStore;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds the meeting an organizer means. Only their own upcoming meetings are searched, so a reference can never
 * reach someone else's meeting. A list number is the meeting's own ({@code list} shows it): given once, never reused,
 * so it cannot come to mean another meeting when one before it is cancelled or a sooner one is created.
 */
@Component
public class MeetingResolver {

    private final MeetingStore store;
    private final Clock clock;

    MeetingResolver(MeetingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The organizer's upcoming meetings, earliest first. */
    public Flux<Meeting> upcoming(String organizerPersonId) {
        return store.upcomingFor(organizerPersonId);
    }

    /** The meeting's number, as {@code list} shows it and other commands take it. */
    public Mono<Integer> number(Meeting meeting) {
        return store.number(meeting);
    }

    /** The meeting {@code ref} names among the organizer's upcoming meetings; empty if none. */
    public Mono<Meeting> resolve(String organizerPersonId, MeetingRef ref) {
        if (ref instanceof MeetingRef.ListNumber number) {
            return store.byNumber(organizerPersonId, number.number())
                    .filter(meeting -> !meeting.isCancelled() && meeting.end().isAfter(clock.instant()));
        }
        String digits = ((MeetingRef.MeetingNumber) ref).digits();
        return upcoming(organizerPersonId)
                .filter(meeting -> meeting.webex().meetingNumber() != null
                        && digits.equals(meeting.webex().meetingNumber().replaceAll("[^0-9]", "")))
                .next();
    }

    /** The upcoming meeting the organizer created last: what {@code add} without a reference means. */
    public Mono<Meeting> latest(String organizerPersonId) {
        return upcoming(organizerPersonId).reduce((a, b) -> b.createdAt().isAfter(a.createdAt()) ? b : a);
    }
}
