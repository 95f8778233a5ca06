package io.guestgate.bot.invite;

import io.guestgate.bot.command.Command.CancelMeeting;
import io.guestgate.bot.command.CommandHandler;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.command.account.OrganizerSession;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.webex.WebexApiException;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.oauth.AccessToken;
import java.util.Optional;
import org.springframework.stereotype.Component;
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
    private final MeetingCancellation cancellation;
    private final MeetingChangeLock lock;

    CancelHandler(
            MeetingAccess access,
            OrganizerSession session,
            WebexClient webex,
            MeetingCancellation cancellation,
            MeetingChangeLock lock) {
        this.access = access;
        this.session = session;
        this.webex = webex;
        this.cancellation = cancellation;
        this.lock = lock;
    }

    @Override
    public Class<CancelMeeting> commandType() {
        return CancelMeeting.class;
    }

    @Override
    public Flux<Reply> handle(CancelMeeting command, Conversation conversation) {
        Language language = command.language();
        return access.withMeeting(
                conversation,
                language,
                Optional.of(command.ref()),
                meeting -> session.withToken(conversation, language, token -> cancel(token, meeting, language)));
    }

    private Flux<Reply> cancel(AccessToken token, Meeting meeting, Language language) {
        return lock.holding(
                        meeting.id(),
                        () -> webex.meetings()
                                .delete(token, meeting.webex().id(), false)
                                // Already gone at Webex (deleted there by hand): GuestGate still has to close its side.
                                .onErrorResume(
                                        WebexApiException.class, e -> e.isNotFound() ? Mono.empty() : Mono.error(e))
                                .then(cancellation.close(meeting, language)))
                .map(guests -> Reply.text(
                        ChatTexts.text(language, "chat.cancel.done", Markdown.escape(meeting.title()), guests)))
                .flux();
    }
}
