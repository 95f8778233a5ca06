package io.guestgate.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.bot.command.Command.CancelMeeting;
import io.guestgate.bot.command.Command.CreateMeetingForm;
import io.guestgate.bot.command.Command.ListMeetings;
import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.meeting.MeetingsProperties;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import reactor.core.publisher.Flux;

/** The bot's commands meet their handlers: one each, or the application does not start. */
class CommandRegistryTest {

    private static final Conversation CONVERSATION =
            new Conversation("P1", "o@example.com", "R1", false, Optional.empty());

    @Test
    void refusesTwoHandlersForTheSameCommand() {
        List<CommandHandler<?>> handlers = everyCommand();
        handlers.add(handler(ListMeetings.class, "another"));

        assertThatThrownBy(() -> new CommandRegistry(handlers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[list, liste]");
    }

    @Test
    void refusesToStartWithACommandNoHandlerRuns() {
        List<CommandHandler<?>> handlers = everyCommand();
        handlers.removeIf(handler -> handler.commandType() == CancelMeeting.class);

        assertThatThrownBy(() -> new CommandRegistry(handlers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CancelMeeting")
                .hasMessageContaining("[cancel, absagen]");
    }

    @Test
    void refusesHandlersForMistakes() {
        List<CommandHandler<?>> handlers = everyCommand();
        handlers.add(handler(Command.Invalid.class, "a"));

        assertThatThrownBy(() -> new CommandRegistry(handlers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Invalid");
    }

    @Test
    void refusesAHandlerForOneFormOfACommand() {
        List<CommandHandler<?>> handlers = everyCommand();
        handlers.add(handler(CreateMeetingForm.class, "form"));

        assertThatThrownBy(() -> new CommandRegistry(handlers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CreateMeetingForm");
    }

    @Test
    void dispatchesBySealedTypeAndLeavesTheRest() {
        CommandRegistry registry = new CommandRegistry(everyCommand());

        assertThat(registry.dispatch(new CreateMeetingForm(Language.EN), CONVERSATION)
                        .orElseThrow()
                        .blockFirst())
                .isEqualTo(Reply.text("create"));
        assertThat(registry.dispatch(new ListMeetings(Language.DE), CONVERSATION)
                        .orElseThrow()
                        .blockFirst())
                .isEqualTo(Reply.text("list"));
        assertThat(registry.dispatch(
                        new Command.Invalid(Language.EN, ListMeetings.VERB, Problem.TEXT_TOO_LONG, ""), CONVERSATION))
                .isEmpty();
        assertThat(registry.dispatch(new Command.Unknown(Language.EN, "hallo"), CONVERSATION))
                .isEmpty();
    }

    @Test
    void helpListsEveryCommandInTheCommandsLanguage() {
        CommandRegistry registry = new CommandRegistry(everyCommand());
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("registry", registry));
        HelpText help = new HelpText(
                beans.getBeanProvider(CommandRegistry.class),
                new BotMessages(),
                new MeetingsProperties(ZoneId.of("Europe/Vienna"), Duration.ofDays(30)));

        assertThat(help.full(Language.EN))
                .contains(
                        "- `create <title> | <start> | <length or end>` — create a meeting",
                        "- `list` — your upcoming meetings",
                        "Europe/Vienna")
                .doesNotContain("`erstellen");
        assertThat(help.full(Language.DE))
                .contains("- `erstellen <Titel>", "- `liste` — ")
                .doesNotContain("`create");
        // Help's order is CommandsTest's; here, that each language has its own keywords.
        assertThat(help.keywords(Language.EN))
                .startsWith("**help**, **login**, **logout**, **status**, **create**")
                .contains("**add**", "**cancel**")
                .doesNotContain("**hilfe**");
        assertThat(help.keywords(Language.DE))
                .startsWith("**hilfe**, **anmelden**, **abmelden**, **status**, " + "**erstellen**")
                .contains("**hinzufügen**", "**absagen**")
                .doesNotContain("**help**");
        assertThat(help.full(Language.DE).lines().filter(line -> line.startsWith("- `")))
                .hasSize(Commands.BOT.verbs().size());
    }

    /** A handler for each of the bot's commands, answering with the command's name. */
    private static List<CommandHandler<?>> everyCommand() {
        List<CommandHandler<?>> handlers = new ArrayList<>();
        for (Verb verb : Commands.BOT.verbs()) {
            @SuppressWarnings("unchecked")
            Class<Command> type = (Class<Command>) Commands.BOT.typeOf(verb);
            handlers.add(handler(type, verb.name()));
        }
        return handlers;
    }

    private static <C extends Command> CommandHandler<C> handler(Class<C> type, String answer) {
        return new CommandHandler<>() {
            @Override
            public Class<C> commandType() {
                return type;
            }

            @Override
            public Flux<Reply> handle(C command, Conversation conversation) {
                return Flux.just(Reply.text(answer));
            }
        };
    }
}
