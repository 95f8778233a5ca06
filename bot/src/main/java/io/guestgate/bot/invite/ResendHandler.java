package io.guestgate.bot.invite;

import io.guestgate.bot.command.Command.ResendInvitation;
import io.guestgate.bot.command.CommandHandler;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.bot.meeting.MeetingResolver;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.audit.AuditEvent;
import io.guestgate.domain.audit.AuditLog;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.meeting.Meeting;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * {@code resend} / {@code nachsenden <email> [in <ref>]}: the guest gets a new mail with a new personal link, and every
 * link sent to them before stops working at once (a lost mail, or a link that went where it should not). Whoever
 * verified with the invitation already stays bound to it. Without a reference, the next upcoming meeting this guest
 * is invited to.
 */
@Component
class ResendHandler implements CommandHandler<ResendInvitation> {

    private final MeetingAccess access;
    private final MeetingResolver resolver;
    private final InvitationStore invitations;
    private final GuestMails mails;
    private final AuditLog audit;
    private final Clock clock;

    ResendHandler(
            MeetingAccess access,
            MeetingResolver resolver,
            InvitationStore invitations,
            GuestMails mails,
            AuditLog audit,
            Clock clock) {
        this.access = access;
        this.resolver = resolver;
        this.invitations = invitations;
        this.mails = mails;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Class<ResendInvitation> commandType() {
        return ResendInvitation.class;
    }

    @Override
    public Flux<Reply> handle(ResendInvitation command, Conversation conversation) {
        Language language = command.language();
        if (command.ref().isPresent()) {
            return access.withMeeting(
                    conversation,
                    language,
                    command.ref(),
                    meeting -> resend(conversation, meeting, command.email(), language));
        }
        return resolver.upcoming(conversation.personId())
                .concatMap(meeting ->
                        invitations.findInvited(meeting.id(), command.email()).map(invited -> meeting))
                .next()
                .flatMapMany(meeting -> access.changeable(
                        conversation,
                        language,
                        meeting,
                        found -> resend(conversation, found, command.email(), language)))
                .switchIfEmpty(Flux.just(
                        Reply.text(ChatTexts.text(language, "chat.resend.nowhere", Markdown.escape(command.email())))));
    }

    private Flux<Reply> resend(Conversation conversation, Meeting meeting, String email, Language language) {
        String title = Markdown.escape(meeting.title());
        return invitations
                .findInvited(meeting.id(), email)
                .flatMap(invitation -> invitations.renewLinks(invitation.id()))
                .flatMap(renewed -> audit.record(new AuditEvent(
                                clock.instant(),
                                "invitation",
                                "links-renewed",
                                meeting.id(),
                                renewed.id(),
                                conversation.personId(),
                                Map.of()))
                        .then(mails.queue(meeting, MailPurpose.RESEND, language, List.of(renewed)))
                        .thenReturn(ChatTexts.text(
                                language,
                                "chat.resend.done",
                                Markdown.escape(renewed.invitee().email()),
                                title)))
                .defaultIfEmpty(ChatTexts.text(language, "chat.guest.unknown", Markdown.escape(email), title))
                .map(Reply::text)
                .flux();
    }
}
