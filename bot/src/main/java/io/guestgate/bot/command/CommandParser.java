package io.guestgate.bot.command;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.guestgate.bot.command.Command.AddParticipants;
import io.guestgate.bot.command.Command.CancelMeeting;
import io.guestgate.bot.command.Command.CreateMeeting;
import io.guestgate.bot.command.Command.CreateMeetingForm;
import io.guestgate.bot.command.Command.Help;
import io.guestgate.bot.command.Command.Invalid;
import io.guestgate.bot.command.Command.ListMeetings;
import io.guestgate.bot.command.Command.Login;
import io.guestgate.bot.command.Command.Logout;
import io.guestgate.bot.command.Command.MoveMeeting;
import io.guestgate.bot.command.Command.RenameMeeting;
import io.guestgate.bot.command.Command.ResendInvitation;
import io.guestgate.bot.command.Command.SetGuestLanguage;
import io.guestgate.bot.command.Command.Participant;
import io.guestgate.bot.command.Command.RemoveParticipant;
import io.guestgate.bot.command.Command.ShowMeeting;
import io.guestgate.bot.command.Command.Status;
import io.guestgate.bot.command.Command.Unknown;
import io.guestgate.bot.i18n.Language;

/**
 * A pure function from chat text to a {@link Command}. It never throws: whatever was typed becomes a command,
 * {@link Invalid} (a known keyword, written wrongly) or {@link Unknown}. Times are read in the configured zone and
 * checked against the injected clock.
 */
public final class CommandParser {

    /** Longer than any command needs, shorter than anything worth reading. */
    static final int MAX_TEXT = 4000;
    static final int MAX_TITLE = 128;

    private static final Pattern ADD_TARGET = Pattern.compile("(?is)(.*?)\\s+(?:to|an|zu)\\s+(#?[0-9][0-9\\s-]*)");
    private static final Pattern REMOVE = Pattern.compile("(?is)(.*)\\s+(?:from|von|aus)\\s+(.*)");
    /** {@code <ref> to <title>}; German {@code umbenennen 2 in Neuer Titel}. The first "to" ends the reference. */
    private static final Pattern RENAME = Pattern.compile("(?is)(#?[0-9][0-9 -]*?)\\s+(?:to|in|zu|nach)(?:\\s+(.*)|\\s*)");
    /** {@code <email> in <ref>}; also {@code for}, and German {@code für}, {@code an} or {@code zu}. */
    private static final Pattern RESEND = Pattern.compile("(?is)(.*?)\\s+(?:in|for|für|fuer|an|zu|to)\\s+(.*)");
    /** {@code add}'s options at its end, in any order: {@code with approval}, {@code in German}, {@code auf Englisch}. */
    private static final Pattern ADD_APPROVAL = Pattern.compile("(?is)(.*?)\\s+(?:with\\s+approval|mit\\s+freigabe)");
    private static final Pattern ADD_LANGUAGE = Pattern.compile(
            "(?is)(.*?)\\s+(?:in|auf)\\s+(german|deutsch|english|englisch)");
    /** {@code <email> de|en [in <ref>]}. */
    private static final Pattern LANG = Pattern.compile(
            "(?is)(.*?)\\s+(de|en|deutsch|german|english|englisch)(?:\\s+(?:in|for|für|fuer|an|zu|to)\\s+(.*))?");
    private static final Pattern MOVE = Pattern.compile("(?is)(#?[0-9][0-9 -]*?)\\s+(?:to|an|zu|auf|nach)\\s+(.*)");

    private final Clock clock;
    private final WhenParser when;
    private final Language fallback;

    /**
     * @param fallback the language of answers when the text does not reveal one (unknown words, {@code status})
     */
    public CommandParser(Clock clock, ZoneId zone, Language fallback) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.when = new WhenParser(clock, Objects.requireNonNull(zone, "zone"));
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** The same parser reading times in {@code zone}: an organizer's own. */
    public CommandParser inZone(ZoneId zone) {
        return new CommandParser(clock, zone, fallback);
    }

    public Command parse(String text) {
        String input = ChatText.normalize(text);
        if (input.isEmpty()) {
            return new Help(fallback);
        }
        int space = ChatText.firstWhitespace(input);
        String word = input.substring(0, space);
        String rest = input.substring(space).strip();
        Optional<Verb.Match> match = Verb.match(ChatText.keyword(word));
        if (match.isEmpty()) {
            return new Unknown(fallback, word.length() > 40 ? word.substring(0, 40) : word);
        }
        Verb verb = match.get().verb();
        Language language = match.get().language().orElse(fallback);
        if (input.length() > MAX_TEXT) {
            return new Invalid(language, verb, Problem.TEXT_TOO_LONG, Integer.toString(MAX_TEXT));
        }
        try {
            return command(verb, language, rest);
        }
        catch (InputProblem problem) {
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
        try {
            String cleanTitle = title(ChatText.clean(title).replace('\n', ' ').replace('\r', ' '));
            String start = (date == null ? "" : date.strip()) + " " + (time == null ? "" : time.strip());
            ZonedDateTime at = when.start(start.isBlank() ? "" : start);
            return new CreateMeeting(language, cleanTitle, at, when.lengthOrEnd(length == null ? "" : length, at));
        }
        catch (InputProblem problem) {
            return new Invalid(language, Verb.CREATE, problem.problem(), problem.detail());
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
        }
        catch (InputProblem problem) {
            return new Invalid(language, Verb.ADD, problem.problem(), problem.detail());
        }
    }

    private Command command(Verb verb, Language language, String rest) {
        return switch (verb) {
            case HELP -> new Help(language);
            case LOGIN -> new Login(language);
            case LOGOUT -> new Logout(language);
            case STATUS -> new Status(language);
            case LIST -> new ListMeetings(language);
            case CREATE -> rest.isEmpty() ? new CreateMeetingForm(language) : create(language, rest);
            case SHOW -> new ShowMeeting(language, RefParser.ref(rest));
            case CANCEL -> new CancelMeeting(language, RefParser.ref(rest));
            case ADD -> add(language, rest);
            case REMOVE -> remove(language, rest);
            case MOVE -> move(language, rest);
            case RENAME -> rename(language, rest);
            case RESEND -> resend(language, rest);
            case LANG -> guestLanguage(language, rest);
        };
    }

    /** {@code <title> | <start> | <length or end>}; the title may itself contain '|', so split from the right. */
    private CreateMeeting create(Language language, String rest) {
        int last = rest.lastIndexOf('|');
        int middle = last < 0 ? -1 : rest.lastIndexOf('|', last - 1);
        if (middle < 0) {
            throw new InputProblem(Problem.CREATE_NEEDS_THREE_PARTS);
        }
        String title = title(rest.substring(0, middle));
        ZonedDateTime start = when.start(rest.substring(middle + 1, last));
        Duration length = when.lengthOrEnd(rest.substring(last + 1), start);
        return new CreateMeeting(language, title, start, length);
    }

    private AddParticipants add(Language language, String text) {
        String rest = text;
        boolean approval = false;
        Optional<Language> guestLanguage = Optional.empty();
        for (int option = 0; option < 2; option++) {
            Matcher withApproval = ADD_APPROVAL.matcher(rest);
            Matcher inLanguage = ADD_LANGUAGE.matcher(rest);
            if (!approval && withApproval.matches()) {
                approval = true;
                rest = withApproval.group(1);
            } else if (guestLanguage.isEmpty() && inLanguage.matches()) {
                guestLanguage = Optional.of(languageWord(inLanguage.group(2)));
                rest = inLanguage.group(1);
            }
        }
        Matcher target = ADD_TARGET.matcher(rest);
        String people = target.matches() ? target.group(1) : rest;
        Optional<MeetingRef> ref = target.matches() ? Optional.of(RefParser.ref(target.group(2))) : Optional.empty();
        boolean hostApproval = approval;
        Optional<Language> chosen = guestLanguage;
        return new AddParticipants(language, ParticipantsParser.participants(people).stream()
                .map(participant -> participant.with(chosen, hostApproval)).toList(), ref);
    }

    /** {@code <email> de|en [in <ref>]}. */
    private SetGuestLanguage guestLanguage(Language language, String rest) {
        Matcher lang = LANG.matcher(rest);
        if (!lang.matches()) {
            ParticipantsParser.email(rest); // says what is wrong with the address, if anything
            throw new InputProblem(Problem.GUEST_LANGUAGE_MISSING);
        }
        Optional<MeetingRef> ref = lang.group(3) == null ? Optional.empty() : Optional.of(RefParser.ref(lang.group(3)));
        return new SetGuestLanguage(language, ParticipantsParser.email(lang.group(1)), languageWord(lang.group(2)),
                ref);
    }

    private static Language languageWord(String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        return lower.equals("de") || lower.equals("deutsch") || lower.equals("german") ? Language.DE : Language.EN;
    }

    private RemoveParticipant remove(Language language, String rest) {
        Matcher remove = REMOVE.matcher(rest);
        if (!remove.matches()) {
            ParticipantsParser.email(rest); // says what is wrong with the address, if anything
            throw new InputProblem(Problem.REFERENCE_MISSING);
        }
        return new RemoveParticipant(language, ParticipantsParser.email(remove.group(1)), RefParser.ref(remove.group(2)));
    }

    /** {@code <ref> to <start> [| <length or end>]}. */
    private MoveMeeting move(Language language, String rest) {
        Matcher move = refFirst(MOVE, rest, Problem.TARGET_TIME_MISSING);
        MeetingRef ref = RefParser.ref(move.group(1));
        String target = move.group(2);
        int bar = target.indexOf('|');
        ZonedDateTime start = when.start(bar < 0 ? target : target.substring(0, bar));
        Optional<Duration> length = bar < 0 ? Optional.empty()
                : Optional.of(when.lengthOrEnd(target.substring(bar + 1), start));
        return new MoveMeeting(language, ref, start, length);
    }

    /** {@code <ref> to <title>}. */
    private RenameMeeting rename(Language language, String rest) {
        Matcher rename = refFirst(RENAME, rest, Problem.NEW_TITLE_MISSING);
        MeetingRef ref = RefParser.ref(rename.group(1));
        if (rename.group(2) == null || rename.group(2).isBlank()) {
            throw new InputProblem(Problem.NEW_TITLE_MISSING);
        }
        return new RenameMeeting(language, ref, title(rename.group(2)));
    }

    /** {@code <email> [in <ref>]}. */
    private ResendInvitation resend(Language language, String rest) {
        Matcher resend = RESEND.matcher(rest);
        if (resend.matches()) {
            return new ResendInvitation(language, ParticipantsParser.email(resend.group(1)),
                    Optional.of(RefParser.ref(resend.group(2))));
        }
        return new ResendInvitation(language, ParticipantsParser.email(rest), Optional.empty());
    }

    /**
     * {@code rest} matched against a pattern that starts with a meeting reference; if it does not match, the problem
     * with the reference when there is one, else {@code missing} (what should follow it).
     */
    private static Matcher refFirst(Pattern pattern, String rest, Problem missing) {
        Matcher matcher = pattern.matcher(rest);
        if (!matcher.matches()) {
            if (rest.isEmpty() || !RefParser.looksLikeRef(rest)) {
                RefParser.ref(rest.isEmpty() ? "" : rest.split("\\s+")[0]);
            }
            throw new InputProblem(missing);
        }
        return matcher;
    }

    private static String title(String raw) {
        // A title is one line: in the Webex meeting, the calendar entry and the mail subject alike.
        String title = raw.replace('\r', ' ').replace('\n', ' ').strip();
        if (title.isEmpty()) {
            throw new InputProblem(Problem.TITLE_EMPTY);
        }
        int length = title.codePointCount(0, title.length());
        if (length > MAX_TITLE) {
            throw new InputProblem(Problem.TITLE_TOO_LONG, Integer.toString(length));
        }
        return title;
    }
}
