package io.guestgate.bot.invite;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.guestgate.bot.command.Command.CancelMeeting;
import io.guestgate.bot.command.CommandHandler;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.command.Verb;
import io.guestgate.bot.command.account.OrganizerSession;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import io.guestgate.guestlist.invitation.InvitationStore;
import io.guestgate.guestlist.meeting.Meeting;
import io.guestgate.guestlist.meeting.MeetingStore;
import io.guestgate.webex.AccessToken;
import io.guestgate.webex.WebexApiException;
import io.guestgate.webex.WebexClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code cancel} / {@code absagen <ref>}: deletes the meeting at Webex (without Webex's own mails, which would carry
 * the meeting link), marks it cancelled, revokes every invitation and sends each guest who was still invited a
 * calendar CANCEL.
 */
@Component
class CancelHandler implements CommandHandler<CancelMeeting> {

    private final MeetingAccess access;
    private final OrganizerSession session;
    private final WebexClient webex;
    private final MeetingStore meetings;
    private final InvitationStore invitations;
    private final GuestMails mails;
    private final OrganizerCopies copies;

    CancelHandler(MeetingAccess access, OrganizerSession session, WebexClient webex, MeetingStore meetings,
            InvitationStore invitations, GuestMails mails, OrganizerCopies copies) {
        this.access = access;
        this.session = session;
        this.webex = webex;
        this.meetings = meetings;
        this.invitations = invitations;
        this.mails = mails;
        this.copies = copies;
    }

    @Override
    public Verb verb() {
        return Verb.CANCEL;
    }

    @Override
    public Class<CancelMeeting> commandType() {
        return CancelMeeting.class;
    }

    @Override
    public Flux<Reply> handle(CancelMeeting command, Conversation conversation) {
        Language language = command.language();
        return access.withMeeting(conversation, language, Optional.of(command.ref()),
                meeting -> session.withToken(conversation, language, token -> cancel(token, meeting, language)));
    }

    private Flux<Reply> cancel(AccessToken token, Meeting meeting, Language language) {
        Meeting cancelled = meeting.cancelled();
        return webex.meetings().delete(token, meeting.webex().id(), false)
                // Already gone at Webex (deleted there by hand): GuestGate still has to close its side.
                .onErrorResume(WebexApiException.class, e -> e.isNotFound() ? Mono.empty() : Mono.error(e))
                .then(meetings.save(cancelled))
                .thenMany(invitations.findByMeeting(meeting.id()))
                .filter(invitation -> !invitation.isRevoked())
                .concatMap(invitation -> invitations.revoke(invitation.id()))
                .collectList()
                .flatMap(revoked -> mails.queue(cancelled, MailPurpose.CANCEL, language, revoked)
                        .then(copies.cancelled(cancelled, language))
                        .thenReturn(ChatTexts.text(language, "chat.cancel.done", Markdown.escape(meeting.title()),
                                revoked.size())))
                .map(Reply::text)
                .flux();
    }
}
