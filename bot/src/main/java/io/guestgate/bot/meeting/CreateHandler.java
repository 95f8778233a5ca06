package io.guestgate.bot.meeting;

import io.guestgate.bot.command.Command;
import io.guestgate.bot.command.Command.CreateMeeting;
import io.guestgate.bot.command.CommandHandler;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.command.account.OrganizerSession;
import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.i18n.OrganizerZones;
import io.guestgate.bot.i18n.TimeTexts;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.meeting.Meeting;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * {@code create} / {@code erstellen}: with details it creates the meeting; without, it sends the form card. Both need
 * a linked account, so an organizer who is not linked gets the login link first.
 */
@Component
class CreateHandler implements CommandHandler<Command.Create> {

    private final OrganizerSession session;
    private final MeetingCreator creator;
    private final MeetingCards cards;
    private final BotMessages messages;
    private final TimeTexts times;
    private final OrganizerZones zones;
    private final Clock clock;

    CreateHandler(
            OrganizerSession session,
            MeetingCreator creator,
            MeetingCards cards,
            BotMessages messages,
            TimeTexts times,
            OrganizerZones zones,
            Clock clock) {
        this.session = session;
        this.creator = creator;
        this.cards = cards;
        this.messages = messages;
        this.times = times;
        this.zones = zones;
        this.clock = clock;
    }

    @Override
    public Class<Command.Create> commandType() {
        return Command.Create.class;
    }

    @Override
    public Flux<Reply> handle(Command.Create command, Conversation conversation) {
        Language language = command.language();
        if (command instanceof CreateMeeting create) {
            return session.withToken(
                    conversation,
                    language,
                    token -> creator.create(token, conversation, create).map(outcome -> answer(language, outcome)));
        }
        return session.withToken(
                conversation,
                language,
                token -> zones.of(conversation.personId())
                        .map(zone -> {
                            LocalDate tomorrow =
                                    LocalDate.now(clock.withZone(zone)).plusDays(1);
                            return Reply.card(
                                    messages.text(language, "create.form.text"),
                                    cards.createForm(language, tomorrow, zone));
                        })
                        .flux());
    }

    /** What the organizer is told of each step of a create, here and for the form. */
    Reply answer(Language language, MeetingCreator.Outcome outcome) {
        if (outcome instanceof MeetingCreator.Outcome.Created created) {
            return summary(language, created.meeting());
        }
        if (outcome instanceof MeetingCreator.Outcome.Recovered recovered) {
            Meeting meeting = recovered.meeting();
            return Reply.card(
                    messages.text(
                            language,
                            "create.recovered",
                            Markdown.escape(meeting.title()),
                            times.range(language, meeting)),
                    cards.summary(language, meeting));
        }
        String key = outcome instanceof MeetingCreator.Outcome.Checking
                ? "create.checking"
                : outcome instanceof MeetingCreator.Outcome.Lost ? "create.lost" : "create.unknown";
        return Reply.text(messages.text(language, key));
    }

    /** The answer to a created meeting, here and for the form: text and the summary card. */
    Reply summary(Language language, Meeting meeting) {
        String text = messages.text(
                language, "create.done", Markdown.escape(meeting.title()), times.range(language, meeting));
        return Reply.card(text, cards.summary(language, meeting));
    }
}
