package io.guestgate.bot.invite.content;

/** Why a guest gets mail; decides the calendar method, the wording and the noun in the organizer's report. */
public enum MailPurpose {
    /** The first invitation. */
    INVITE(InviteKind.REQUEST, "invite"),
    /** The meeting moved or was renamed: the same UID with a higher SEQUENCE. */
    UPDATE(InviteKind.REQUEST, "update"),
    /** A new personal link for one guest, the earlier ones retired: the same UID and SEQUENCE, a fresh link. */
    RESEND(InviteKind.REQUEST, "resend"),
    /**
     * A reminder, before the start, to a guest who has not confirmed their identity yet: a fresh link, the same UID and
     * SEQUENCE. Skipped when they verified meanwhile.
     */
    REMINDER(InviteKind.REQUEST, "reminder"),
    /** This guest was taken off the guest list. */
    REMOVE(InviteKind.CANCEL, "remove"),
    /** The whole meeting was cancelled. */
    CANCEL(InviteKind.CANCEL, "cancel"),
    /** The organizer's own calendar entry, sent on create and with every change: no guest link in it. */
    ORGANIZER_COPY(InviteKind.REQUEST, "organizer"),
    /** The organizer's own calendar entry of a cancelled meeting. */
    ORGANIZER_CANCEL(InviteKind.CANCEL, "organizer-cancel");

    private final InviteKind kind;
    private final String key;

    MailPurpose(InviteKind kind, String key) {
        this.kind = kind;
        this.key = key;
    }

    public InviteKind kind() {
        return kind;
    }

    /** True for the organizer's own calendar entry, false for mail to a guest. */
    public boolean toOrganizer() {
        return this == ORGANIZER_COPY || this == ORGANIZER_CANCEL;
    }

    /** The message-key segment for this purpose, e.g. {@code mail.subject.invite}. */
    public String key() {
        return key;
    }
}
