package io.guestgate.bot.meeting;

import io.guestgate.bot.command.CardActionHandler;
import io.guestgate.bot.command.CardSubmission;
import io.guestgate.bot.command.Command;
import io.guestgate.bot.command.Command.CreateMeeting;
import io.guestgate.bot.command.CommandParser;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.command.InvalidReplies;
import io.guestgate.bot.command.account.OrganizerSession;
import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.i18n.OrganizerZones;
import io.guestgate.bot.reply.Reply;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The submitted create form. Its fields are checked exactly like the text command; a mistake gets the same answer
 * the text command would get, and the form stays usable for another try.
 */
@Component
class CreateFormSubmission implements CardActionHandler {

    private final CommandParser parser;
    private final OrganizerSession session;
    private final MeetingCreator creator;
    private final CreateHandler create;
    private final InvalidReplies invalid;
    private final BotMessages messages;
    private final OrganizerZones zones;

    CreateFormSubmission(
            CommandParser parser,
            OrganizerSession session,
            MeetingCreator creator,
            CreateHandler create,
            InvalidReplies invalid,
            BotMessages messages,
            OrganizerZones zones) {
        this.parser = parser;
        this.session = session;
        this.creator = creator;
        this.create = create;
        this.invalid = invalid;
        this.messages = messages;
        this.zones = zones;
    }

    @Override
    public String action() {
        return MeetingCards.CREATE_ACTION;
    }

    @Override
    public Flux<Reply> handle(CardSubmission submission, Conversation conversation) {
        if (submission.input("title").isEmpty()
                || submission.input("date").isEmpty()
                || submission.input("time").isEmpty()
                || submission.input("length").isEmpty()) {
            return Flux.just(Reply.text(messages.text(submission.language(), "create.form.missing")));
        }
        return zones.of(conversation.personId()).flatMapMany(zone -> {
            Command command = parser.inZone(zone)
                    .createFromForm(
                            submission.language(),
                            submission.input("title").get(),
                            submission.input("date").get(),
                            submission.input("time").get(),
                            submission.input("length").get());
            if (command instanceof Command.Invalid problem) {
                return Flux.just(invalid.reply(problem));
            }
            CreateMeeting meeting = (CreateMeeting) command;
            return session.withToken(
                    conversation,
                    submission.language(),
                    token -> creator.create(token, conversation, meeting)
                            .map(outcome -> create.answer(submission.language(), outcome)));
        });
    }
}
