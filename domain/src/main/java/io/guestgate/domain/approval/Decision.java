package io.guestgate.domain.approval;

/** What the organizer's answer to an approval request did. */
public sealed interface Decision {

    /** The answer was recorded: the waiting guest is let in or turned away. */
    record Recorded(ApprovalRequest request) implements Decision {}

    /** Someone answered before (e.g. a second click); the first answer stands. */
    record AlreadyDecided(ApprovalRequest request) implements Decision {}

    /** Nobody answered in time; the guest was already told. */
    record TimedOut(ApprovalRequest request) implements Decision {}

    /** The person answering is not the meeting's organizer; nothing changed. */
    record NotOrganizer(ApprovalRequest request) implements Decision {}

    /** No such request (wrong id, or long gone). */
    record Unknown() implements Decision {}
}
