package io.guestgate.bot.meeting;

import io.guestgate.bot.command.Command.ListMeetings;
import io.guestgate.bot.command.CommandHandler;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.command.account.OrganizerSession;
import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.i18n.TimeTexts;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * {@code list} / {@code liste}: the organizer's upcoming meetings, each with its own number for use in other
 * commands; a number stays with its meeting.
 */
@Component
class ListHandler implements CommandHandler<ListMeetings> {

    private final OrganizerSession session;
    private final MeetingResolver meetings;
    private final BotMessages messages;
    private final TimeTexts times;

    ListHandler(OrganizerSession session, MeetingResolver meetings, BotMessages messages, TimeTexts times) {
        this.session = session;
        this.meetings = meetings;
        this.messages = messages;
        this.times = times;
    }

    @Override
    public Class<ListMeetings> commandType() {
        return ListMeetings.class;
    }

    @Override
    public Flux<Reply> handle(ListMeetings command, Conversation conversation) {
        Language language = command.language();
        // The list is the organizer's own data; a linked account is what proves they are still an organizer.
        return session.withToken(
                conversation,
                language,
                token -> meetings.upcoming(conversation.personId())
                        .concatMap(meeting -> meetings.number(meeting)
                                .map(number -> messages.text(
                                        language,
                                        "list.item",
                                        number,
                                        Markdown.escape(meeting.title()),
                                        times.range(language, meeting))))
                        .collectList()
                        .map(lines -> lines.isEmpty()
                                ? messages.text(language, "list.empty")
                                : messages.text(language, "list.title") + "\n\n" + String.join("\n", lines) + "\n\n"
                                        + messages.text(language, "list.footer"))
                        .map(Reply::text)
                        .flux());
    }
}
