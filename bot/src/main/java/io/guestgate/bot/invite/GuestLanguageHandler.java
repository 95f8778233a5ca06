package io.guestgate.bot.invite;

import io.guestgate.bot.command.Command.SetGuestLanguage;
import io.guestgate.bot.command.CommandHandler;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.meeting.Meeting;
import java.util.Locale;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * {@code lang} / {@code sprache <email> de|en [in <ref>]}: the guest's mails and pages are in that language from now
 * on, whatever language the organizer writes in or the guest's browser asks for. Without a reference, the next
 * upcoming meeting.
 */
@Component
class GuestLanguageHandler implements CommandHandler<SetGuestLanguage> {

    private final MeetingAccess access;
    private final InvitationStore invitations;

    GuestLanguageHandler(MeetingAccess access, InvitationStore invitations) {
        this.access = access;
        this.invitations = invitations;
    }

    @Override
    public Class<SetGuestLanguage> commandType() {
        return SetGuestLanguage.class;
    }

    @Override
    public Flux<Reply> handle(SetGuestLanguage command, Conversation conversation) {
        return access.withMeeting(conversation, command.language(), command.ref(), meeting -> set(meeting, command));
    }

    private Flux<Reply> set(Meeting meeting, SetGuestLanguage command) {
        Language language = command.language();
        String code = command.guestLanguage().locale().getLanguage().toLowerCase(Locale.ROOT);
        String title = Markdown.escape(meeting.title());
        return invitations
                .findInvited(meeting.id(), command.email())
                .flatMap(invitation -> invitations.update(
                        invitation.id(),
                        current -> current.withInvitee(current.invitee().withLanguage(code))))
                .map(changed -> ChatTexts.text(
                        language,
                        "chat.lang.done",
                        Markdown.escape(changed.invitee().email()),
                        title,
                        ChatTexts.text(language, "chat.lang." + code)))
                .defaultIfEmpty(ChatTexts.text(language, "chat.guest.unknown", Markdown.escape(command.email()), title))
                .map(Reply::text)
                .flux();
    }
}
