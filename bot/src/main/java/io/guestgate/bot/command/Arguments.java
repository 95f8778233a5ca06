package io.guestgate.bot.command;

import io.guestgate.bot.command.Command.Participant;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The text after a command's keyword, and the readers a command's {@link Verb.Reading} uses for its parts. Each reader
 * throws an {@link InputProblem} saying what is wrong, which the parser turns into {@link Command.Invalid}. Times are
 * read in the parser's zone and must be in the future by its clock.
 */
public final class Arguments {

    /** A title is at most this many characters: in the Webex meeting, the calendar entry and the mail subject alike. */
    static final int MAX_TITLE = 128;

    private final String text;
    private final WhenParser when;

    Arguments(String text, WhenParser when) {
        this.text = text.strip();
        this.when = when;
    }

    /** Everything after the keyword, stripped; line breaks kept. */
    public String text() {
        return text;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** The whole text as a meeting reference: a list number or a Webex meeting number. */
    public MeetingRef ref() {
        return ref(text);
    }

    public MeetingRef ref(String part) {
        return RefParser.ref(part);
    }

    /** One address, alone or in {@code Name <address>}. */
    public String email(String part) {
        return ParticipantsParser.email(part);
    }

    /** People as {@code add} takes them: {@code Anna Müller <anna@example.com>, bob@…}, also one per line. */
    public List<Participant> participants(String part) {
        return ParticipantsParser.participants(part);
    }

    /** A meeting title: one line, not empty, at most {@value #MAX_TITLE} characters. */
    public String title(String part) {
        String title = part.replace('\r', ' ').replace('\n', ' ').strip();
        if (title.isEmpty()) {
            throw new InputProblem(Problem.TITLE_EMPTY);
        }
        int length = title.codePointCount(0, title.length());
        if (length > MAX_TITLE) {
            throw new InputProblem(Problem.TITLE_TOO_LONG, Integer.toString(length));
        }
        return title;
    }

    /** A start in the future, in any of the forms {@code create} takes. */
    public ZonedDateTime start(String part) {
        return when.start(part);
    }

    /** A length ({@code 45m}, {@code 1h30}) or an end ({@code 11:30}) after {@code start}. */
    public Duration lengthOrEnd(String part, ZonedDateTime start) {
        return when.lengthOrEnd(part, start);
    }
}
