package io.guestgate.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.i18n.Language;

/** Every text exists in German and English, and every problem and command has its texts. */
class MessageBundleTest {

    @Test
    void germanAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("bot/messages_de.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("bot/messages.properties").stringPropertyNames());
    }

    @Test
    void everyProblemAndCommandHasItsTexts() {
        BotMessages messages = new BotMessages();
        for (Language language : Language.values()) {
            for (Problem problem : Problem.values()) {
                assertThat(messages.has(language, problem.messageKey())).as(problem.messageKey()).isTrue();
            }
            for (Verb verb : Verb.values()) {
                for (String key : new String[] {"help." + verb + ".usage", "help." + verb + ".summary",
                        "example." + verb}) {
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
                java.time.ZoneId.of("Europe/Vienna"), Language.EN);
        for (Language language : Language.values()) {
            for (Verb verb : Verb.values()) {
                Command command = parser.parse(messages.text(language, "example." + verb));
                assertThat(command).as("example of %s in %s", verb, language)
                        .isNotInstanceOf(Command.Invalid.class).isNotInstanceOf(Command.Unknown.class);
                assertThat(Verb.of(command)).contains(verb);
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(MessageBundleTest.class.getClassLoader().getResourceAsStream(name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
