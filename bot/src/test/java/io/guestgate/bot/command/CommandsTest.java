package io.guestgate.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.bot.i18n.Language;
import org.junit.jupiter.api.Test;

/** A set of commands is read from its sealed interface once, and refuses what would make a keyword ambiguous. */
class CommandsTest {

    @Test
    void theBotsCommandsAreItsSealedInterfacesInHelpOrder() {
        // A subsequence, so that a new command is still only its record, its handler and its texts.
        assertThat(Commands.BOT.verbs())
                .extracting(Verb::name)
                .startsWith("help")
                .containsSubsequence(
                        "help", "login", "logout", "status", "create", "list", "show", "add", "remove", "move",
                        "rename", "resend", "lang", "cancel")
                .doesNotHaveDuplicates();
        assertThat(Commands.BOT.records(Command.Create.class))
                .containsExactly(Command.CreateMeeting.class, Command.CreateMeetingForm.class);
    }

    @Test
    void aKeywordTellsTheLanguageUnlessBothShareIt() {
        assertThat(Commands.BOT.match("hinzufuegen"))
                .contains(new Commands.Match(Command.AddParticipants.VERB, java.util.Optional.of(Language.DE)));
        assertThat(Commands.BOT.match("add"))
                .contains(new Commands.Match(Command.AddParticipants.VERB, java.util.Optional.of(Language.EN)));
        assertThat(Commands.BOT.match("status"))
                .contains(new Commands.Match(Command.Status.VERB, java.util.Optional.empty()));
        assertThat(Commands.BOT.match("hallo")).isEmpty();
    }

    @Test
    void refusesTwoCommandsWithOneKeyword() {
        assertThatThrownBy(() -> Commands.of(Clash.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'erste'")
                .hasMessageContaining("First")
                .hasMessageContaining("Second");
    }

    @Test
    void refusesACommandWithoutItsVerb() {
        assertThatThrownBy(() -> Commands.of(Silent.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Mute")
                .hasMessageContaining("declares no verb");
    }

    @Test
    void refusesAnOpenInterface() {
        assertThatThrownBy(() -> Commands.of(Command.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeywordIsOneLowercaseWord() {
        assertThatThrownBy(() -> Verb.keywords("Greet", "grüße")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verb.keywords("greet", "grüß dich")).isInstanceOf(IllegalArgumentException.class);
    }

    sealed interface Clash extends Command permits First, Second {}

    record First(Language language) implements Clash {
        static final Verb VERB = Verb.keywords("first", "erste").noArguments(First::new);
    }

    record Second(Language language) implements Clash {
        static final Verb VERB = Verb.keywords("second", "erste").noArguments(Second::new);
    }

    sealed interface Silent extends Command permits Mute {}

    record Mute(Language language) implements Silent {}
}
