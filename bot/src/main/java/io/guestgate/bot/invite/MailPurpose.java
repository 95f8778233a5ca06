package io.guestgate.bot.invite;

/** Why a guest gets mail; decides the calendar method, the wording and the noun in the organizer's report. */
public enum MailPurpose {
    /** The first invitation. */
    INVITE(InviteKind.REQUEST, "invite"),
    /** The meeting moved or was renamed: the same UID with a higher SEQUENCE. */
    UPDATE(InviteKind.REQUEST, "update"),
    /** This guest was taken off the guest list. */
    REMOVE(InviteKind.CANCEL, "remove"),
    /** The whole meeting was cancelled. */
    CANCEL(InviteKind.CANCEL, "cancel");

    private final InviteKind kind;
    private final String key;

    MailPurpose(InviteKind kind, String key) {
        this.kind = kind;
        this.key = key;
    }

    public InviteKind kind() {
        return kind;
    }

    /** The message-key segment for this purpose, e.g. {@code mail.subject.invite}. */
    public String key() {
        return key;
    }
}
