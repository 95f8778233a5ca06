package io.guestgate.bot.command;

import java.util.Locale;

/**
 * What was wrong with a command. Each problem has a message in the bot's bundle ({@code problem.<key>}), which may
 * quote the offending part of the input as its argument {@code {0}}.
 */
public enum Problem {
    TEXT_TOO_LONG,
    CREATE_NEEDS_THREE_PARTS,
    TITLE_EMPTY,
    TITLE_TOO_LONG,
    START_UNREADABLE,
    DATE_INVALID,
    TIME_INVALID,
    START_IN_CLOCK_CHANGE,
    START_NOT_IN_FUTURE,
    LENGTH_UNREADABLE,
    LENGTH_TOO_SHORT,
    LENGTH_TOO_LONG,
    END_NOT_AFTER_START,
    REFERENCE_MISSING,
    REFERENCE_INVALID,
    PARTICIPANTS_MISSING,
    PARTICIPANT_INVALID,
    TOO_MANY_PARTICIPANTS,
    EMAIL_MISSING,
    EMAIL_INVALID,
    TARGET_TIME_MISSING,
    NEW_TITLE_MISSING,
    GUEST_LANGUAGE_MISSING;

    /** The message key, e.g. {@code problem.start-not-in-future}. */
    public String messageKey() {
        return "problem." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
