package io.guestgate.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.i18n.Language;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text exists in German and English, and every problem and command has its texts. */
class MessageBundleTest {

    @Test
    void germanAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("bot/messages_de.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(
                        load("bot/messages.properties").stringPropertyNames());
    }

    @Test
    void everyProblemAndCommandHasItsTexts() {
        BotMessages messages = new BotMessages();
        for (Language language : Language.values()) {
            for (Problem problem : Problem.values()) {
                assertThat(messages.has(language, problem.messageKey()))
                        .as(problem.messageKey())
                        .isTrue();
            }
            for (Verb verb : Commands.BOT.verbs()) {
                for (String key : new String[] {
                    "help." + verb.name() + ".usage", "help." + verb.name() + ".summary", "example." + verb.name()
                }) {
                    assertThat(messages.has(language, key)).as(key).isTrue();
                }
            }
        }
    }

    @Test
    void examplesParseIntoTheirCommand() {
        BotMessages messages = new BotMessages();
        CommandParser parser = new CommandParser(
                java.time.Clock.fixed(java.time.Instant.parse("2026-11-01T08:00:00Z"), java.time.ZoneOffset.UTC),
                java.time.ZoneId.of("Europe/Vienna"),
                Language.EN);
        for (Language language : Language.values()) {
            for (Verb verb : Commands.BOT.verbs()) {
                Command command = parser.parse(messages.text(language, "example." + verb.name()));
                assertThat(command)
                        .as("example of %s in %s", verb, language)
                        .isNotInstanceOf(Command.Invalid.class)
                        .isNotInstanceOf(Command.Unknown.class);
                assertThat(Verb.of(command)).contains(verb);
            }
        }
    }

    /**
     * Every example a person may copy (the examples, the backticked ones in the help, the formats the answer to an
     * unreadable start suggests) still parses a year from now, in both languages: none of them quotes a fixed date
     * that turns into the past.
     */
    @Test
    void everyExampleStillWorksAYearFromNow() {
        BotMessages messages = new BotMessages();
        java.time.ZoneId vienna = java.time.ZoneId.of("Europe/Vienna");
        java.time.Clock nextYear =
                java.time.Clock.fixed(java.time.Instant.now().plus(java.time.Duration.ofDays(366)), vienna);
        CommandParser parser = new CommandParser(nextYear, vienna, Language.EN);
        InvalidReplies replies = new InvalidReplies(messages, nextYear, vienna);
        java.util.regex.Pattern backticked = java.util.regex.Pattern.compile("`([^`]+)`");
        for (Language language : Language.values()) {
            java.util.List<String> examples = new java.util.ArrayList<>();
            for (Verb verb : Commands.BOT.verbs()) {
                examples.add(messages.text(language, "example." + verb.name()));
                java.util.regex.Matcher inHelp =
                        backticked.matcher(messages.text(language, "help." + verb.name() + ".summary"));
                while (inHelp.find()) {
                    examples.add(inHelp.group(1));
                }
            }
            String unreadable = replies.reply(new Command.Invalid(
                            language, Command.Create.VERB, Problem.START_UNREADABLE, "gestern irgendwann"))
                    .markdown();
            java.util.regex.Matcher dates = java.util.regex.Pattern.compile(
                            "(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}|\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2})")
                    .matcher(unreadable);
            int suggested = 0;
            while (dates.find()) {
                suggested++;
                examples.add((language == Language.DE ? "erstellen Probe | " : "create Trial | ") + dates.group(1)
                        + " | 30m");
            }
            assertThat(suggested)
                    .as("the formats suggested for an unreadable start, in %s", language)
                    .isGreaterThanOrEqualTo(2);
            for (String example : examples) {
                assertThat(parser.parse(example))
                        .as("'%s' a year from now", example)
                        .isNotInstanceOf(Command.Invalid.class)
                        .isNotInstanceOf(Command.Unknown.class);
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(
                MessageBundleTest.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
