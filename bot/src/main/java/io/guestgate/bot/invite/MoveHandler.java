package io.guestgate.bot.invite;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.guestgate.bot.command.Command.MoveMeeting;
import io.guestgate.bot.command.CommandHandler;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.command.Verb;
import io.guestgate.bot.command.account.OrganizerSession;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.i18n.TimeTexts;
import io.guestgate.bot.meeting.LockedDownMeetings;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import io.guestgate.guestlist.invitation.Invitation;
import io.guestgate.guestlist.invitation.InvitationStore;
import io.guestgate.guestlist.meeting.Meeting;
import io.guestgate.guestlist.meeting.MeetingStore;
import io.guestgate.webex.AccessToken;
import io.guestgate.webex.WebexClient;
import reactor.core.publisher.Flux;

/**
 * {@code move} / {@code verschieben <ref> to <start> [| <length>]}. Webex first, with the organizer's token: only
 * when it accepted the new time does GuestGate store the moved meeting (SEQUENCE + 1), stretch the links' lifetime
 * to the new end, and send every guest still invited an updated calendar entry.
 */
@Component
class MoveHandler implements CommandHandler<MoveMeeting> {

    private final MeetingAccess access;
    private final OrganizerSession session;
    private final WebexClient webex;
    private final LockedDownMeetings requests;
    private final MeetingStore meetings;
    private final InvitationStore invitations;
    private final GuestMails mails;
    private final TimeTexts times;
    private final Clock clock;

    MoveHandler(MeetingAccess access, OrganizerSession session, WebexClient webex, LockedDownMeetings requests,
            MeetingStore meetings, InvitationStore invitations, GuestMails mails, TimeTexts times, Clock clock) {
        this.access = access;
        this.session = session;
        this.webex = webex;
        this.requests = requests;
        this.meetings = meetings;
        this.invitations = invitations;
        this.mails = mails;
        this.times = times;
        this.clock = clock;
    }

    @Override
    public Verb verb() {
        return Verb.MOVE;
    }

    @Override
    public Class<MoveMeeting> commandType() {
        return MoveMeeting.class;
    }

    @Override
    public Flux<Reply> handle(MoveMeeting command, Conversation conversation) {
        Language language = command.language();
        return access.withMeeting(conversation, language, Optional.of(command.ref()), meeting -> {
            Instant start = command.start().toInstant();
            if (!start.isAfter(clock.instant())) {
                return Flux.just(Reply.text(ChatTexts.text(language, "chat.move.past")));
            }
            Instant end = start.plus(command.duration().orElse(meeting.duration()));
            return session.withToken(conversation, language, token -> move(token, meeting, start, end, language));
        });
    }

    private Flux<Reply> move(AccessToken token, Meeting meeting, Instant start, Instant end, Language language) {
        Meeting moved = meeting.rescheduled(meeting.title(), start, end);
        return webex.meetings().update(token, meeting.webex().id(), requests.request(meeting.title(), start, end))
                .then(meetings.save(moved))
                .thenMany(invitations.followMeeting(moved))
                .filter(invitation -> !invitation.isRevoked())
                .collectList()
                .flatMap(guests -> queue(moved, guests, language)
                        .thenReturn(ChatTexts.text(language, "chat.move.done", Markdown.escape(moved.title()),
                                times.range(language, moved.start(), moved.end()), guests.size())))
                .map(Reply::text)
                .flux();
    }

    private reactor.core.publisher.Mono<Void> queue(Meeting moved, List<Invitation> guests, Language language) {
        return mails.queue(moved, MailPurpose.UPDATE, language, guests);
    }
}
