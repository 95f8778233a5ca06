package io.guestgate.bot.command;

import io.guestgate.bot.command.Command.AddParticipants;
import io.guestgate.bot.command.Command.CreateMeeting;
import io.guestgate.bot.command.Command.Help;
import io.guestgate.bot.command.Command.Invalid;
import io.guestgate.bot.command.Command.Unknown;
import io.guestgate.bot.i18n.Language;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A pure function from chat text to a {@link Command}. It never throws: whatever was typed becomes a command,
 * {@link Invalid} (a known keyword, written wrongly) or {@link Unknown}. The first word picks the command by the
 * keywords of a set of {@link Commands}; the command's {@link Verb} reads the rest. Times are read in the configured
 * zone and checked against the injected clock.
 */
public final class CommandParser {

    /** Longer than any command needs, shorter than anything worth reading. */
    static final int MAX_TEXT = 4000;

    private final Commands commands;
    private final Clock clock;
    private final WhenParser when;
    private final Language fallback;

    /**
     * The bot's commands.
     *
     * @param fallback the language of answers when the text does not reveal one (unknown words, {@code status})
     */
    public CommandParser(Clock clock, ZoneId zone, Language fallback) {
        this(Commands.BOT, clock, zone, fallback);
    }

    /** The commands of {@code commands}; see {@link #CommandParser(Clock, ZoneId, Language)}. */
    public CommandParser(Commands commands, Clock clock, ZoneId zone, Language fallback) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.when = new WhenParser(clock, Objects.requireNonNull(zone, "zone"));
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** The same parser reading times in {@code zone}: an organizer's own. */
    public CommandParser inZone(ZoneId zone) {
        return new CommandParser(commands, clock, zone, fallback);
    }

    /** The command {@code text} asks for; empty text (a bare @mention) asks for help. */
    public Command parse(String text) {
        String input = ChatText.normalize(text);
        if (input.isEmpty()) {
            return new Help(fallback);
        }
        int space = ChatText.firstWhitespace(input);
        String word = input.substring(0, space);
        Optional<Commands.Match> match = commands.match(ChatText.keyword(word).toLowerCase(Locale.ROOT));
        if (match.isEmpty()) {
            return new Unknown(fallback, word.length() > 40 ? word.substring(0, 40) : word);
        }
        Verb verb = match.get().verb();
        Language language = match.get().language().orElse(fallback);
        if (input.length() > MAX_TEXT) {
            return new Invalid(language, verb, Problem.TEXT_TOO_LONG, Integer.toString(MAX_TEXT));
        }
        try {
            return verb.read(language, new Arguments(input.substring(space), when));
        } catch (InputProblem problem) {
            return new Invalid(language, verb, problem.problem(), problem.detail());
        }
    }

    /**
     * The fields of the create card, checked exactly like {@code create <title> | <start> | <length>}: a
     * {@link CreateMeeting}, or an {@link Invalid} saying what is wrong.
     *
     * @param date   {@code yyyy-MM-dd}, as an adaptive card's date input sends it
     * @param time   {@code HH:mm}, as its time input sends it
     * @param length any length or end the text form accepts
     */
    public Command createFromForm(Language language, String title, String date, String time, String length) {
        Arguments form = new Arguments("", when);
        try {
            String cleanTitle =
                    form.title(ChatText.clean(title).replace('\n', ' ').replace('\r', ' '));
            String start = (date == null ? "" : date.strip()) + " " + (time == null ? "" : time.strip());
            ZonedDateTime at = form.start(start.isBlank() ? "" : start);
            return new CreateMeeting(language, cleanTitle, at, form.lengthOrEnd(length == null ? "" : length, at));
        } catch (InputProblem problem) {
            return new Invalid(language, Command.Create.VERB, problem.problem(), problem.detail());
        }
    }

    /**
     * A participant list as the {@code add} command takes it ({@code Anna Müller <anna@example.com>, bob@…}, also one
     * per line), e.g. from a card: {@link AddParticipants} without a meeting reference, or {@link Invalid}.
     */
    public Command participants(Language language, String text) {
        try {
            String input = ChatText.clean(text);
            if (input.length() > MAX_TEXT) {
                throw new InputProblem(Problem.TEXT_TOO_LONG, Integer.toString(MAX_TEXT));
            }
            return new AddParticipants(language, ParticipantsParser.participants(input), Optional.empty());
        } catch (InputProblem problem) {
            return new Invalid(language, AddParticipants.VERB, problem.problem(), problem.detail());
        }
    }
}
