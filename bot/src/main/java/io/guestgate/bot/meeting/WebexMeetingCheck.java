package io.guestgate.bot.meeting;

import io.guestgate.domain.meeting.Meeting;
import reactor.core.publisher.Mono;

/**
 * Compares a meeting with Webex now and follows a change made there, as its {@code meetings} webhook would have: the
 * safety net for a webhook that came late or never. Never fails: what cannot be checked is logged.
 */
public interface WebexMeetingCheck {

    Mono<Void> compare(Meeting meeting);
}
