package io.guestgate.bot.invite;

import io.guestgate.bot.command.Command.RemoveParticipant;
import io.guestgate.bot.command.CommandHandler;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.meeting.Meeting;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * {@code remove} / {@code entfernen <email> from <ref>}: revokes the guest's invitation, so every link they were sent
 * stops working at once, and sends them a calendar CANCEL.
 */
@Component
class RemoveHandler implements CommandHandler<RemoveParticipant> {

    private final MeetingAccess access;
    private final InvitationStore invitations;
    private final GuestMails mails;

    RemoveHandler(MeetingAccess access, InvitationStore invitations, GuestMails mails) {
        this.access = access;
        this.invitations = invitations;
        this.mails = mails;
    }

    @Override
    public Class<RemoveParticipant> commandType() {
        return RemoveParticipant.class;
    }

    @Override
    public Flux<Reply> handle(RemoveParticipant command, Conversation conversation) {
        return access.withMeeting(
                conversation,
                command.language(),
                Optional.of(command.ref()),
                meeting -> remove(meeting, command.email(), command.language()));
    }

    private Flux<Reply> remove(Meeting meeting, String email, Language language) {
        String title = Markdown.escape(meeting.title());
        return invitations
                .findInvited(meeting.id(), email)
                .flatMap(invitation -> invitations.revoke(invitation.id()))
                .flatMap(revoked -> mails.queue(meeting, MailPurpose.REMOVE, language, List.of(revoked))
                        .thenReturn(ChatTexts.text(
                                language,
                                "chat.remove.done",
                                Markdown.escape(revoked.invitee().email()),
                                title)))
                .defaultIfEmpty(ChatTexts.text(language, "chat.guest.unknown", Markdown.escape(email), title))
                .map(Reply::text)
                .flux();
    }
}
