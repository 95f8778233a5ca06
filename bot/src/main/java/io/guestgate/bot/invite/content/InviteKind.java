package io.guestgate.bot.invite.content;

/** The iCalendar method of a guest's mail: add or update the meeting, or take it out of their calendar. */
public enum InviteKind {
    /** {@code METHOD:REQUEST}: a new invitation, or an update with a higher SEQUENCE. */
    REQUEST,
    /** {@code METHOD:CANCEL}: the meeting is off for this guest. */
    CANCEL
}
