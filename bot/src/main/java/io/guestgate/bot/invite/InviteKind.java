package io.guestgate.bot.invite;

/** What a guest's mail asks their calendar to do: add or update the meeting, or take it out. */
public enum InviteKind {
    /** iCalendar {@code METHOD:REQUEST}: a new invitation, or an update with a higher SEQUENCE. */
    REQUEST,
    /** iCalendar {@code METHOD:CANCEL}: the meeting is off for this guest. */
    CANCEL
}
