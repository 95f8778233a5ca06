package io.guestgate.bot.meeting;

import io.guestgate.bot.command.Command.CreateMeeting;
import io.guestgate.bot.command.Conversation;
import io.guestgate.domain.account.OrganizerAccounts;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStatus;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.webex.WebexApiException;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.meetings.MeetingListQuery;
import io.guestgate.webex.oauth.AccessToken;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates a meeting in Webex with the organizer's token and the locked-down settings, then keeps it in the guest
 * list, owned by the organizer. Nothing is half-written: when Webex refuses, nothing is stored; when storing fails,
 * the Webex meeting is deleted again; when Webex's answer is lost, the meeting is looked for and adopted, so none is
 * left at Webex that GuestGate does not know.
 */
@Component
class MeetingCreator {

    private static final Logger log = LoggerFactory.getLogger(MeetingCreator.class);

    private final WebexClient webex;
    private final LockedDownMeetings lockedDown;
    private final MeetingStore store;
    private final OrganizerAccounts accounts;
    private final OrganizerCalendar calendar;
    private final Clock clock;

    MeetingCreator(
            WebexClient webex,
            LockedDownMeetings lockedDown,
            MeetingStore store,
            OrganizerAccounts accounts,
            OrganizerCalendar calendar,
            Clock clock) {
        this.webex = webex;
        this.lockedDown = lockedDown;
        this.store = store;
        this.accounts = accounts;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * What became of a create. When Webex's answer was lost (a timeout after the request went out), Webex may or may
     * not have created the meeting: first {@link Checking}, then the organizer's meetings at Webex are searched by
     * title and start, and the meeting found is adopted ({@link Recovered}) or known not to exist ({@link Lost}).
     */
    sealed interface Outcome {
        record Created(Meeting meeting) implements Outcome {}

        record Checking() implements Outcome {}

        record Recovered(Meeting meeting) implements Outcome {}

        record Lost() implements Outcome {}

        /** The search itself failed: the organizer is told to look with {@code list}. */
        record Unknown() implements Outcome {}
    }

    Flux<Outcome> create(AccessToken token, Conversation conversation, CreateMeeting command) {
        Instant start = command.start().toInstant();
        Instant end = command.end().toInstant();
        return organizer(conversation)
                .flatMapMany(organizer -> webex.meetings()
                        .create(
                                token,
                                lockedDown.request(
                                        command.title(),
                                        start,
                                        end,
                                        command.start().getZone()))
                        .flatMap(created -> keep(token, organizer, command, created))
                        .<Outcome>map(Outcome.Created::new)
                        .flux()
                        .onErrorResume(
                                WebexApiException.class,
                                error -> !answerLost(error)
                                        ? Flux.error(error)
                                        : Flux.concat(
                                                Mono.just(new Outcome.Checking()),
                                                reconcile(token, organizer, command, error))))
                .concatMap(outcome -> outcome instanceof Outcome.Created created
                        ? calendar.current(created.meeting(), command.language())
                                .thenReturn(outcome)
                        : outcome instanceof Outcome.Recovered recovered
                                ? calendar.current(recovered.meeting(), command.language())
                                        .thenReturn(outcome)
                                : Mono.just(outcome));
    }

    /** The meeting keeps the zone its start was written in: the organizer's own when it was created. */
    private Mono<Meeting> keep(
            AccessToken token,
            Meeting.Organizer organizer,
            CreateMeeting command,
            io.guestgate.webex.meetings.Meeting created) {
        Meeting meeting = new Meeting(
                MeetingStore.newId(),
                organizer,
                command.title(),
                command.start().toInstant(),
                command.end().toInstant(),
                command.start().getZone(),
                new Meeting.WebexMeeting(
                        created.meetingSeriesId() != null ? created.meetingSeriesId() : created.id(),
                        created.meetingNumber(),
                        created.webLink(),
                        created.sipAddress()),
                0,
                MeetingStatus.SCHEDULED,
                clock.instant());
        return store.save(meeting)
                .onErrorResume(error -> undo(token, meeting.webex().id(), error));
    }

    /** The request went out and no answer came: Webex may have done it. Only then is a search worth it. */
    private static boolean answerLost(WebexApiException error) {
        return error.kind() == WebexApiException.Kind.TIMEOUT
                || error.isConnectionFailure() && !error.neverConnected()
                || error.status() == 504;
    }

    private Mono<Outcome> reconcile(
            AccessToken token, Meeting.Organizer organizer, CreateMeeting command, WebexApiException lost) {
        String title = command.title();
        Instant start = command.start().toInstant();
        log.warn(
                "Creating a meeting for organizer {} got no answer from Webex ({}); searching their meetings for it",
                organizer.personId(),
                lost.kind());
        OffsetDateTime from = start.minusSeconds(60).atOffset(ZoneOffset.UTC);
        OffsetDateTime to = start.plusSeconds(60).atOffset(ZoneOffset.UTC);
        return webex.meetings()
                .list(token, MeetingListQuery.all().between(from, to))
                .filter(found -> title.equals(found.title())
                        && found.start() != null
                        && found.start().toInstant().equals(start))
                .next()
                .flatMap(found -> keep(token, organizer, command, found)
                        .doOnNext(kept -> log.info(
                                "Adopted Webex meeting {} as meeting {} after the lost answer",
                                kept.webex().id(),
                                kept.id()))
                        .<Outcome>map(Outcome.Recovered::new))
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    log.info(
                            "No meeting of organizer {} at Webex after the lost answer: none was created",
                            organizer.personId());
                    return new Outcome.Lost();
                }))
                .onErrorResume(e -> {
                    log.warn(
                            "Could not search the meetings of organizer {} after a lost answer: {}",
                            organizer.personId(),
                            e.toString());
                    return Mono.just(new Outcome.Unknown());
                });
    }

    private Mono<Meeting.Organizer> organizer(Conversation conversation) {
        return accounts.find(conversation.personId())
                .map(account -> new Meeting.Organizer(
                        account.personId(),
                        account.email().isEmpty() ? conversation.personEmail() : account.email(),
                        account.displayName()))
                .defaultIfEmpty(new Meeting.Organizer(conversation.personId(), conversation.personEmail(), ""));
    }

    private Mono<Meeting> undo(AccessToken token, String webexMeetingId, Throwable error) {
        log.error("Could not store Webex meeting {}; deleting it again: {}", webexMeetingId, error.toString());
        return webex.meetings()
                .delete(token, webexMeetingId, false)
                .doOnError(e -> log.error(
                        "Could not delete Webex meeting {} after failing to store it: {}",
                        webexMeetingId,
                        e.toString()))
                .onErrorResume(e -> Mono.empty())
                .then(Mono.error(error));
    }
}
