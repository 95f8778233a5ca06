package io.guestgate.bot.meeting;

import io.guestgate.bot.i18n.Language;
import io.guestgate.domain.meeting.Meeting;
import reactor.core.publisher.Mono;

/**
 * The organizer's own calendar entry of a meeting, sent when it is created and kept up to date with it. The meeting
 * stands without it, so neither method fails: a failure to queue is logged.
 */
public interface OrganizerCalendar {

    /** Queues the entry as {@code meeting} is now. */
    Mono<Void> current(Meeting meeting, Language language);

    /** Queues the entry's cancellation. */
    Mono<Void> cancelled(Meeting meeting, Language language);
}
