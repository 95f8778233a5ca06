package io.guestgate.bot.invite;

import io.guestgate.bot.command.Command.RenameMeeting;
import io.guestgate.bot.command.CommandHandler;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.command.account.OrganizerSession;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.meeting.Meeting;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * {@code rename} / {@code umbenennen <ref> to <title>}: a {@link MeetingUpdate} with the time unchanged, so Webex
 * has the new title before any guest gets the updated calendar entry (SEQUENCE + 1). The same title changes nothing.
 */
@Component
class RenameHandler implements CommandHandler<RenameMeeting> {

    private final MeetingAccess access;
    private final OrganizerSession session;
    private final MeetingUpdate update;

    RenameHandler(MeetingAccess access, OrganizerSession session, MeetingUpdate update) {
        this.access = access;
        this.session = session;
        this.update = update;
    }

    @Override
    public Class<RenameMeeting> commandType() {
        return RenameMeeting.class;
    }

    @Override
    public Flux<Reply> handle(RenameMeeting command, Conversation conversation) {
        Language language = command.language();
        return access.withMeeting(conversation, language, Optional.of(command.ref()), meeting -> {
            String before = Markdown.escape(meeting.title());
            if (meeting.title().equals(command.title())) {
                return Flux.just(Reply.text(ChatTexts.text(language, "chat.rename.same", before)));
            }
            Meeting renamed = meeting.rescheduled(command.title(), meeting.start(), meeting.end());
            return session.withToken(
                    conversation,
                    language,
                    token -> update.apply(token, renamed, language)
                            .map(guests -> Reply.text(ChatTexts.text(
                                    language, "chat.rename.done", before, Markdown.escape(renamed.title()), guests)))
                            .flux());
        });
    }
}
