package io.guestgate.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.guestgate.bot.command.Command.Create;
import io.guestgate.bot.command.Command.CreateMeetingForm;
import io.guestgate.bot.command.Command.ListMeetings;
import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.reply.Reply;
import io.guestgate.guestlist.meeting.MeetingsProperties;
import reactor.core.publisher.Flux;

class CommandRegistryTest {

    private static final Conversation CONVERSATION = new Conversation("P1", "o@example.com", "R1", false,
            Optional.empty());

    @Test
    void refusesTwoHandlersForTheSameKeyword() {
        assertThatThrownBy(() -> new CommandRegistry(List.of(handler(Verb.LIST, ListMeetings.class, "a"),
                handler(Verb.LIST, ListMeetings.class, "b"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[list, liste]");
    }

    @Test
    void refusesTwoHandlersForTheSameCommand() {
        assertThatThrownBy(() -> new CommandRegistry(List.of(handler(Verb.CREATE, Create.class, "a"),
                handler(Verb.SHOW, CreateMeetingForm.class, "b"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CreateMeetingForm");
    }

    @Test
    void refusesHandlersForMistakes() {
        assertThatThrownBy(() -> new CommandRegistry(List.of(handler(Verb.HELP, Command.Invalid.class, "a"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dispatchesBySealedTypeAndLeavesTheRest() {
        CommandRegistry registry = new CommandRegistry(List.of(handler(Verb.CREATE, Create.class, "create")));

        assertThat(registry.dispatch(new CreateMeetingForm(Language.EN), CONVERSATION).orElseThrow().blockFirst())
                .isEqualTo(Reply.text("create"));
        assertThat(registry.dispatch(new ListMeetings(Language.EN), CONVERSATION)).isEmpty();
        assertThat(registry.verbs()).containsExactly(Verb.CREATE);
    }

    @Test
    void helpListsExactlyTheRegisteredCommandsInTheCommandsLanguage() {
        CommandRegistry registry = new CommandRegistry(List.of(handler(Verb.LIST, ListMeetings.class, "l"),
                handler(Verb.CREATE, Create.class, "c")));
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("registry", registry));
        HelpText help = new HelpText(beans.getBeanProvider(CommandRegistry.class), new BotMessages(),
                new MeetingsProperties(ZoneId.of("Europe/Vienna"), Duration.ofDays(30)));

        assertThat(help.full(Language.EN)).contains("`create <title> | <start> | <length or end>`", "`list`",
                "Europe/Vienna").doesNotContain("`add ", "`show");
        assertThat(help.full(Language.DE)).contains("`erstellen <Titel>", "`liste`").doesNotContain("`create");
        assertThat(help.keywords(Language.DE)).isEqualTo("**erstellen**, **liste**");
    }

    private static <C extends Command> CommandHandler<C> handler(Verb verb, Class<C> type, String answer) {
        return new CommandHandler<>() {
            @Override
            public Verb verb() {
                return verb;
            }

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
