package io.guestgate.bot.meeting;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.guestgate.bot.command.Command.CreateMeeting;
import io.guestgate.bot.command.Conversation;
import io.guestgate.guestlist.account.OrganizerAccounts;
import io.guestgate.guestlist.meeting.Meeting;
import io.guestgate.guestlist.meeting.MeetingStatus;
import io.guestgate.guestlist.meeting.MeetingStore;
import io.guestgate.guestlist.meeting.MeetingsProperties;
import io.guestgate.webex.AccessToken;
import io.guestgate.webex.WebexClient;
import reactor.core.publisher.Mono;

/**
 * Creates a meeting in Webex with the organizer's token and the locked-down settings, then keeps it in the guest
 * list, owned by the organizer. Nothing is half-written: when Webex refuses, nothing is stored; when storing fails,
 * the Webex meeting is deleted again.
 */
@Component
class MeetingCreator {

    private static final Logger log = LoggerFactory.getLogger(MeetingCreator.class);

    private final WebexClient webex;
    private final LockedDownMeetings lockedDown;
    private final MeetingStore store;
    private final OrganizerAccounts accounts;
    private final ZoneId zone;
    private final Clock clock;

    MeetingCreator(WebexClient webex, LockedDownMeetings lockedDown, MeetingStore store, OrganizerAccounts accounts,
            MeetingsProperties meetings, Clock clock) {
        this.webex = webex;
        this.lockedDown = lockedDown;
        this.store = store;
        this.accounts = accounts;
        this.zone = meetings.timezone();
        this.clock = clock;
    }

    Mono<Meeting> create(AccessToken token, Conversation conversation, CreateMeeting command) {
        Instant start = command.start().toInstant();
        Instant end = command.end().toInstant();
        return organizer(conversation).flatMap(organizer -> webex.meetings()
                .create(token, lockedDown.request(command.title(), start, end))
                .flatMap(created -> {
                    Meeting meeting = new Meeting(MeetingStore.newId(), organizer, command.title(), start, end, zone,
                            new Meeting.WebexMeeting(created.id(), created.meetingNumber(), created.webLink(),
                                    created.sipAddress()),
                            0, MeetingStatus.SCHEDULED, clock.instant());
                    return store.save(meeting).onErrorResume(error -> undo(token, created.id(), error));
                }));
    }

    private Mono<Meeting.Organizer> organizer(Conversation conversation) {
        return accounts.find(conversation.personId())
                .map(account -> new Meeting.Organizer(account.personId(),
                        account.email().isEmpty() ? conversation.personEmail() : account.email(), account.displayName()))
                .defaultIfEmpty(new Meeting.Organizer(conversation.personId(), conversation.personEmail(), ""));
    }

    private Mono<Meeting> undo(AccessToken token, String webexMeetingId, Throwable error) {
        log.error("Could not store Webex meeting {}; deleting it again: {}", webexMeetingId, error.toString());
        return webex.meetings().delete(token, webexMeetingId, false)
                .doOnError(e -> log.error("Could not delete Webex meeting {} after failing to store it: {}",
                        webexMeetingId, e.toString()))
                .onErrorResume(e -> Mono.empty())
                .then(Mono.error(error));
    }
}
