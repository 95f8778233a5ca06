package io.guestgate.bot.command;

import io.guestgate.bot.command.Command.AddParticipants;
import io.guestgate.bot.command.Command.CreateMeeting;
import io.guestgate.bot.command.Command.CreateMeetingForm;
import io.guestgate.bot.command.Command.MoveMeeting;
import io.guestgate.bot.command.Command.RemoveParticipant;
import io.guestgate.bot.command.Command.RenameMeeting;
import io.guestgate.bot.command.Command.ResendInvitation;
import io.guestgate.bot.command.Command.SetGuestLanguage;
import io.guestgate.bot.i18n.Language;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the bot's commands with more than one part read the text after their keyword. Each command's {@code VERB}
 * names its reading here; they share one place because their connecting words ({@code to}, {@code an}, {@code in},
 * {@code für}, …) are chosen against each other.
 */
final class Readings {

    private static final Pattern ADD_TARGET = Pattern.compile("(?is)(.*?)\\s+(?:to|an|zu)\\s+(#?[0-9][0-9\\s-]*)");
    private static final Pattern REMOVE = Pattern.compile("(?is)(.*)\\s+(?:from|von|aus)\\s+(.*)");
    /** {@code <ref> to <title>}; German {@code umbenennen 2 in Neuer Titel}. The first "to" ends the reference. */
    private static final Pattern RENAME =
            Pattern.compile("(?is)(#?[0-9][0-9 -]*?)\\s+(?:to|in|zu|nach)(?:\\s+(.*)|\\s*)");
    /** {@code <email> in <ref>}; also {@code for}, and German {@code für}, {@code an} or {@code zu}. */
    private static final Pattern RESEND = Pattern.compile("(?is)(.*?)\\s+(?:in|for|für|fuer|an|zu|to)\\s+(.*)");
    /** {@code add}'s options at its end, in any order: {@code with approval}, {@code in German}, {@code auf Englisch}. */
    private static final Pattern ADD_APPROVAL = Pattern.compile("(?is)(.*?)\\s+(?:with\\s+approval|mit\\s+freigabe)");

    private static final Pattern ADD_LANGUAGE =
            Pattern.compile("(?is)(.*?)\\s+(?:in|auf)\\s+(german|deutsch|english|englisch)");
    /** {@code <email> de|en [in <ref>]}. */
    private static final Pattern LANG = Pattern.compile(
            "(?is)(.*?)\\s+(de|en|deutsch|german|english|englisch)(?:\\s+(?:in|for|für|fuer|an|zu|to)\\s+(.*))?");

    private static final Pattern MOVE = Pattern.compile("(?is)(#?[0-9][0-9 -]*?)\\s+(?:to|an|zu|auf|nach)\\s+(.*)");

    private Readings() {}

    /**
     * {@code <title> | <start> | <length or end>}; the title may itself contain '|', so split from the right. Without
     * arguments, the form.
     */
    static Command.Create create(Language language, Arguments arguments) {
        if (arguments.isEmpty()) {
            return new CreateMeetingForm(language);
        }
        String rest = arguments.text();
        int last = rest.lastIndexOf('|');
        int middle = last < 0 ? -1 : rest.lastIndexOf('|', last - 1);
        if (middle < 0) {
            throw new InputProblem(Problem.CREATE_NEEDS_THREE_PARTS);
        }
        String title = arguments.title(rest.substring(0, middle));
        ZonedDateTime start = arguments.start(rest.substring(middle + 1, last));
        Duration length = arguments.lengthOrEnd(rest.substring(last + 1), start);
        return new CreateMeeting(language, title, start, length);
    }

    /** {@code <participants> [to <ref>] [with approval] [in German|English]}. */
    static AddParticipants add(Language language, Arguments arguments) {
        String rest = arguments.text();
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
        Optional<MeetingRef> ref = target.matches() ? Optional.of(arguments.ref(target.group(2))) : Optional.empty();
        boolean hostApproval = approval;
        Optional<Language> chosen = guestLanguage;
        return new AddParticipants(
                language,
                arguments.participants(people).stream()
                        .map(participant -> participant.with(chosen, hostApproval))
                        .toList(),
                ref);
    }

    /** {@code <email> de|en [in <ref>]}. */
    static SetGuestLanguage guestLanguage(Language language, Arguments arguments) {
        String rest = arguments.text();
        Matcher lang = LANG.matcher(rest);
        if (!lang.matches()) {
            arguments.email(rest); // says what is wrong with the address, if anything
            throw new InputProblem(Problem.GUEST_LANGUAGE_MISSING);
        }
        Optional<MeetingRef> ref = lang.group(3) == null ? Optional.empty() : Optional.of(arguments.ref(lang.group(3)));
        return new SetGuestLanguage(language, arguments.email(lang.group(1)), languageWord(lang.group(2)), ref);
    }

    /** {@code <email> from <ref>}. */
    static RemoveParticipant remove(Language language, Arguments arguments) {
        String rest = arguments.text();
        Matcher remove = REMOVE.matcher(rest);
        if (!remove.matches()) {
            arguments.email(rest); // says what is wrong with the address, if anything
            throw new InputProblem(Problem.REFERENCE_MISSING);
        }
        return new RemoveParticipant(language, arguments.email(remove.group(1)), arguments.ref(remove.group(2)));
    }

    /** {@code <ref> to <start> [| <length or end>]}. */
    static MoveMeeting move(Language language, Arguments arguments) {
        Matcher move = refFirst(MOVE, arguments.text(), Problem.TARGET_TIME_MISSING);
        MeetingRef ref = arguments.ref(move.group(1));
        String target = move.group(2);
        int bar = target.indexOf('|');
        ZonedDateTime start = arguments.start(bar < 0 ? target : target.substring(0, bar));
        Optional<Duration> length =
                bar < 0 ? Optional.empty() : Optional.of(arguments.lengthOrEnd(target.substring(bar + 1), start));
        return new MoveMeeting(language, ref, start, length);
    }

    /** {@code <ref> to <title>}. */
    static RenameMeeting rename(Language language, Arguments arguments) {
        Matcher rename = refFirst(RENAME, arguments.text(), Problem.NEW_TITLE_MISSING);
        MeetingRef ref = arguments.ref(rename.group(1));
        if (rename.group(2) == null || rename.group(2).isBlank()) {
            throw new InputProblem(Problem.NEW_TITLE_MISSING);
        }
        return new RenameMeeting(language, ref, arguments.title(rename.group(2)));
    }

    /** {@code <email> [in <ref>]}. */
    static ResendInvitation resend(Language language, Arguments arguments) {
        String rest = arguments.text();
        Matcher resend = RESEND.matcher(rest);
        if (resend.matches()) {
            return new ResendInvitation(
                    language, arguments.email(resend.group(1)), Optional.of(arguments.ref(resend.group(2))));
        }
        return new ResendInvitation(language, arguments.email(rest), Optional.empty());
    }

    private static Language languageWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.equals("de") || lower.equals("deutsch") || lower.equals("german") ? Language.DE : Language.EN;
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
}
