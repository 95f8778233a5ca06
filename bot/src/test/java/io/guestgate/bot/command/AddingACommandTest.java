package io.guestgate.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.meeting.MeetingsProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import reactor.core.publisher.Flux;

/**
 * Adding a command is one record, one handler and its texts. This test adds {@code greet} / {@code grüße} the way
 * docs/bot.md says, in a set of commands of its own ({@link Greetings}), with its texts in
 * {@code commands-test/messages*.properties}; the parser, the registry, help and the answer to a mistake are the bot's
 * own classes, told nothing about it but the set.
 */
class AddingACommandTest {

    private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T08:00:00Z"), VIENNA);
    private static final Commands GREETINGS = Commands.of(Greetings.class);
    private static final Conversation CONVERSATION =
            new Conversation("P1", "o@example.com", "R1", false, Optional.empty());

    // 1. The record, with its verb: the keywords and how the words after them are read.
    sealed interface Greetings extends Command permits Greet {}

    /** {@code greet <email>} / {@code grüße <E-Mail>}. */
    record Greet(Language language, String email) implements Greetings {

        static final Verb VERB = Verb.keywords("greet", "grüße", "gruesse")
                .reading((language, arguments) -> new Greet(language, arguments.email(arguments.text())));

        Greet {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(email, "email");
        }
    }

    // 2. The handler.
    static class GreetHandler implements CommandHandler<Greet> {

        private final BotMessages messages;

        GreetHandler(BotMessages messages) {
            this.messages = messages;
        }

        @Override
        public Class<Greet> commandType() {
            return Greet.class;
        }

        @Override
        public Flux<Reply> handle(Greet command, Conversation conversation) {
            return Flux.just(
                    Reply.text(messages.text(command.language(), "greet.done", Markdown.escape(command.email()))));
        }
    }

    // 3. Its texts: commands-test/messages.properties and messages_de.properties.
    private final BotMessages messages = new BotMessages("commands-test/messages", "bot/messages");
    private final CommandParser parser = new CommandParser(GREETINGS, CLOCK, VIENNA, Language.EN);
    private final CommandRegistry registry = new CommandRegistry(GREETINGS, List.of(new GreetHandler(messages)));

    @Test
    void theParserReadsItInEnglishAndGerman() {
        assertThat(parser.parse("greet anna@example.com")).isEqualTo(new Greet(Language.EN, "anna@example.com"));
        assertThat(parser.parse("Grüße Anna Müller <anna@example.com>"))
                .isEqualTo(new Greet(Language.DE, "anna@example.com"));
        assertThat(parser.parse("@GuestGate /gruesse: anna@example.com"))
                .isEqualTo(new Greet(Language.DE, "anna@example.com"));
        assertThat(parser.parse("greet anna"))
                .isEqualTo(new Command.Invalid(Language.EN, Greet.VERB, Problem.EMAIL_INVALID, "anna"));
        assertThat(parser.parse("create Q3 | tomorrow 10:00 | 45m"))
                .isEqualTo(new Command.Unknown(Language.EN, "create"));
    }

    @Test
    void theRegistryHandsItToItsHandlerWhichAnswersInItsLanguage() {
        assertThat(registry.verbs()).containsExactly(Greet.VERB);
        assertThat(registry.dispatch(parser.parse("grüße anna@example.com"), CONVERSATION)
                        .orElseThrow()
                        .collectList()
                        .block())
                .containsExactly(Reply.text("Hallo, anna@example.com!"));
        assertThat(registry.dispatch(parser.parse("greet anna@example.com"), CONVERSATION)
                        .orElseThrow()
                        .collectList()
                        .block())
                .containsExactly(Reply.text("Hello, anna@example.com!"));
    }

    @Test
    void helpListsItWithItsTexts() {
        HelpText help = new HelpText(
                new StaticListableBeanFactory(Map.of("registry", registry)).getBeanProvider(CommandRegistry.class),
                messages,
                new MeetingsProperties(VIENNA, Duration.ofDays(30)));

        assertThat(help.full(Language.EN))
                .contains("- `greet <email>` — say hello to a guest, e.g. `greet anna@example.com`\n");
        assertThat(help.full(Language.DE))
                .contains("- `grüße <E-Mail>` — einen Gast grüßen, z. B. `grüße anna@example.com`\n");
        assertThat(help.keywords(Language.DE)).isEqualTo("**grüße**");
    }

    @Test
    void aMistakeIsAnsweredWithItsExample() {
        InvalidReplies replies = new InvalidReplies(messages, CLOCK, VIENNA);

        assertThat(replies.reply((Command.Invalid) parser.parse("grüße anna")).markdown())
                .isEqualTo("„anna“ ist keine E-Mail-Adresse.\n\nZum Beispiel: `grüße anna@example.com`");
        assertThat(replies.reply((Command.Invalid) parser.parse("greet anna")).markdown())
                .endsWith("\n\nFor example: `greet anna@example.com`");
    }

    @Test
    void withoutItsHandlerTheApplicationDoesNotStart() {
        assertThatThrownBy(() -> new CommandRegistry(GREETINGS, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Greet")
                .hasMessageContaining("[greet, grüße, gruesse]");
    }
}
