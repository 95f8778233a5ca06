package io.guestgate.bot.invite;

import io.guestgate.bot.command.Command.MoveMeeting;
import io.guestgate.bot.command.CommandHandler;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.command.account.OrganizerSession;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.i18n.TimeTexts;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.meeting.Meeting;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * {@code move} / {@code verschieben <ref> to <start> [| <length>]}: a {@link MeetingUpdate}, so Webex has the new
 * time before GuestGate stores the moved meeting (SEQUENCE + 1), stretches the links' lifetime to the new end, and
 * sends every guest still invited an updated calendar entry.
 */
@Component
class MoveHandler implements CommandHandler<MoveMeeting> {

    private final MeetingAccess access;
    private final OrganizerSession session;
    private final MeetingUpdate update;
    private final TimeTexts times;
    private final Clock clock;

    MoveHandler(MeetingAccess access, OrganizerSession session, MeetingUpdate update, TimeTexts times, Clock clock) {
        this.access = access;
        this.session = session;
        this.update = update;
        this.times = times;
        this.clock = clock;
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
            Meeting moved = meeting.rescheduled(meeting.title(), start, end);
            return session.withToken(
                    conversation,
                    language,
                    token -> update.apply(token, moved, language)
                            .map(guests -> Reply.text(ChatTexts.text(
                                    language,
                                    "chat.move.done",
                                    Markdown.escape(moved.title()),
                                    times.range(language, moved),
                                    guests)))
                            .flux());
        });
    }
}
