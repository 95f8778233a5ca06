package io.guestgate.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.guestgate.bot.command.Command.AddParticipants;
import io.guestgate.bot.command.Command.CreateMeeting;
import io.guestgate.bot.command.Command.Invalid;
import io.guestgate.bot.command.Command.MoveMeeting;
import io.guestgate.bot.i18n.Language;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random commands, generated from the grammar's pieces and then mutated. Whatever the text, the parser returns
 * a command and never throws; and every command it does accept obeys the rules (title length, start in the future,
 * length limits), so a handler can rely on them.
 */
class CommandParserFuzzTest {

    private static final long SEED = 20261129L;
    private static final int RUNS = 12_000;

    private static final String[] KEYWORDS = {
        "help",
        "hilfe",
        "login",
        "anmelden",
        "logout",
        "abmelden",
        "status",
        "create",
        "erstellen",
        "list",
        "liste",
        "show",
        "zeige",
        "add",
        "hinzufügen",
        "hinzufuegen",
        "remove",
        "entfernen",
        "move",
        "verschieben",
        "cancel",
        "absagen",
        "/create",
        "@GuestGate",
        "CREATE",
        "xyz",
        ""
    };
    private static final String[] PIECES = {
        " | ",
        "|",
        " ",
        "2026-12-01T10:00",
        "2026-12-01 10:00",
        "01.12.2026 10:00",
        "31.02.2027 10:00",
        "tomorrow 10:00",
        "morgen 10.00 Uhr",
        "heute 23:59",
        "übermorgen 00:00",
        "Montag 10:00",
        "next Friday noon",
        "in 2 hours",
        "in 999 Minuten",
        "gestern 10:00",
        "so 9:30",
        "mittags",
        "45m",
        "1h30",
        "90 min",
        "11:30",
        "bis 12:00",
        "1,5h",
        "25h",
        "5m",
        "23h59",
        "0m",
        "99999m",
        "Q3 review",
        "🎉",
        "\uD83D",
        "\u0000",
        "\n",
        "\t",
        "\u00A0",
        "<",
        ">",
        "\"",
        ",",
        ";",
        "to",
        "an",
        "zu",
        "from",
        "von",
        "aus",
        "auf",
        "#",
        "2",
        "0",
        "2345 678 901",
        "anna@example.com",
        "Anna Müller <anna@example.com>",
        "@",
        "a@b",
        "ü",
        "u\u0308",
        "9".repeat(30),
        "x".repeat(130),
        "—",
        "–",
        "-",
        ":",
        ".",
        "T",
        "Uhr"
    };

    private static final String SYNTAX = "|<>@#,;:. \n\"0123456789hm";

    private final CommandParser parser = new CommandParser(
            Clock.fixed(CommandParserTest.NOW, CommandParserTest.VIENNA), CommandParserTest.VIENNA, Language.EN);

    @Test
    void neverThrowsAndAcceptsOnlyValidCommands() {
        Random random = new Random(SEED);
        Map<Class<?>, Integer> seen = new java.util.HashMap<>();
        Map<Problem, Integer> problems = new EnumMap<>(Problem.class);
        for (int run = 0; run < RUNS; run++) {
            String text = random.nextInt(4) == 0 ? noise(random) : mutate(random, generate(random));
            Command command;
            try {
                command = parser.parse(text);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("parser threw for input #" + run + ": " + escape(text), e);
            }
            if (command == null) {
                fail("parser returned null for input #" + run + ": " + escape(text));
            }
            checkInvariants(command, text);
            seen.merge(command.getClass(), 1, Integer::sum);
            if (command instanceof Invalid invalid) {
                problems.merge(invalid.problem(), 1, Integer::sum);
            }
        }
        // The generator must reach deep into the grammar, not just bounce off the keyword check.
        assertThat(seen)
                .containsKeys(
                        CreateMeeting.class,
                        Invalid.class,
                        Command.Unknown.class,
                        AddParticipants.class,
                        MoveMeeting.class,
                        Command.ShowMeeting.class);
        assertThat(seen.get(CreateMeeting.class)).isGreaterThan(100);
        assertThat(problems.keySet()).hasSizeGreaterThan(12);
    }

    private static void checkInvariants(Command command, String text) {
        if (command instanceof CreateMeeting create) {
            int length = create.title().codePointCount(0, create.title().length());
            assertThat(length).as("title length of %s", escape(text)).isBetween(1, 128);
            assertThat(create.title()).isEqualTo(create.title().strip());
            assertThat(create.start().toInstant())
                    .as("start of %s", escape(text))
                    .isAfter(CommandParserTest.NOW);
            assertLength(create.duration(), text);
        }
        if (command instanceof MoveMeeting move) {
            assertThat(move.start().toInstant()).isAfter(CommandParserTest.NOW);
            move.duration().ifPresent(duration -> assertLength(duration, text));
        }
        if (command instanceof AddParticipants add) {
            assertThat(add.participants()).hasSizeBetween(1, 50);
            add.participants().forEach(p -> assertThat(p.email()).contains("@").doesNotContainAnyWhitespaces());
        }
        if (command instanceof Invalid invalid) {
            assertThat(invalid.detail().codePointCount(0, invalid.detail().length()))
                    .isLessThanOrEqualTo(61);
        }
    }

    private static void assertLength(Duration duration, String text) {
        assertThat(duration)
                .as("length of %s", escape(text))
                .isBetween(Duration.ofMinutes(10), Duration.ofHours(23).plusMinutes(59));
    }

    private static final String[] TITLES = {
        "Q3", "A | B", "🎉 party", "x".repeat(128), "x".repeat(129), "", " ", "Review *bold* <@all>"
    };
    private static final String[] STARTS = {
        "2026-12-01T10:00",
        "2026-12-01 10:00",
        "01.12.2026 10:00",
        "1.12.2026 9.05 Uhr",
        "tomorrow 10:00",
        "morgen 10:00",
        "heute 08:00",
        "31.02.2027 10:00",
        "2027-03-28 02:30",
        "2026-12-01 24:00",
        "next week",
        ""
    };
    private static final String[] LENGTHS = {
        "45m",
        "1h30",
        "90 min",
        "11:30",
        "09:00",
        "bis 12:00",
        "1,5h",
        "5m",
        "25h",
        "23h59",
        "10m",
        "2026-12-01 11:00",
        "soon"
    };
    private static final String[] REFS = {"2", "#3", "2345 678 901", "0", "12345", "x"};
    private static final String[] PEOPLE = {
        "anna@example.com",
        "Anna Müller <anna@example.com>",
        "\"Müller, Anna\" <anna@example.com>",
        "a@example.com b@example.org",
        "Anna",
        "<x@y>",
        ""
    };

    /** A plausible command: a template of the grammar filled from pools, or a keyword and some pieces. */
    private static String generate(Random random) {
        String start = pick(random, STARTS);
        String length = pick(random, LENGTHS);
        String ref = pick(random, REFS);
        String people = pick(random, PEOPLE) + (random.nextBoolean() ? ", " + pick(random, PEOPLE) : "");
        return switch (random.nextInt(8)) {
            case 0, 1 ->
                pick(random, new String[] {"create ", "erstellen ", "@GuestGate create "}) + pick(random, TITLES)
                        + " | " + start + " | " + length;
            case 2 ->
                pick(random, new String[] {"add ", "hinzufügen "})
                        + people
                        + (random.nextBoolean() ? pick(random, new String[] {" to ", " zu ", " an "}) + ref : "");
            case 3 ->
                pick(random, new String[] {"move ", "verschieben "})
                        + ref
                        + pick(random, new String[] {" to ", " auf ", " nach "})
                        + start
                        + (random.nextBoolean() ? " | " + length : "");
            case 4 -> pick(random, new String[] {"show ", "zeige ", "cancel ", "absagen "}) + ref;
            case 5 ->
                pick(random, new String[] {"remove ", "entfernen "})
                        + people
                        + pick(random, new String[] {" from ", " aus ", " von "})
                        + ref;
            default -> {
                StringBuilder text = new StringBuilder(pick(random, KEYWORDS));
                int pieces = random.nextInt(8);
                for (int i = 0; i < pieces; i++) {
                    text.append(random.nextBoolean() ? " " : "").append(pick(random, PIECES));
                }
                yield text.toString();
            }
        };
    }

    /** Random edits: insert, delete or replace characters, or duplicate a slice. */
    private static String mutate(Random random, String text) {
        StringBuilder mutated = new StringBuilder(text);
        int edits = random.nextInt(3) == 0 ? 1 + random.nextInt(4) : 0;
        for (int i = 0; i < edits; i++) {
            int at = mutated.length() == 0 ? 0 : random.nextInt(mutated.length());
            switch (random.nextInt(4)) {
                case 0 -> mutated.insert(at, randomChar(random));
                case 1 -> {
                    if (mutated.length() > 0) {
                        mutated.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (mutated.length() > 0) {
                        mutated.setCharAt(at, randomChar(random));
                    }
                }
                default ->
                    mutated.insert(at, mutated.substring(at, Math.min(mutated.length(), at + random.nextInt(8))));
            }
        }
        return mutated.toString();
    }

    /** Arbitrary characters, including unpaired surrogates, controls and very long runs. */
    private static String noise(Random random) {
        int length = random.nextInt(10) == 0 ? 3000 + random.nextInt(3000) : random.nextInt(60);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(randomChar(random));
        }
        return text.toString();
    }

    private static char randomChar(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> (char) random.nextInt(0x80);
            case 1 -> SYNTAX.charAt(random.nextInt(SYNTAX.length()));
            case 2 -> (char) (0xD800 + random.nextInt(0x800));
            default -> (char) random.nextInt(0x10000);
        };
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints()
                .limit(300)
                .forEach(c -> escaped.append(
                        c < 0x20 || (c >= 0xD800 && c < 0xE000)
                                ? String.format("\\u%04x", c)
                                : new String(Character.toChars(c))));
        return escaped.toString();
    }
}
