package io.guestgate.bot.invite.outbox;

/** What one attempt to send a mail came to. */
sealed interface SendOutcome {

    /** The SMTP server accepted the mail. */
    record Sent() implements SendOutcome {}

    /** Nothing to send any more: the invitation is gone, or revoked before its invitation went out. */
    record Skipped(String reason) implements SendOutcome {}

    /**
     * The mail did not go out.
     *
     * @param reason    a failure code for the organizer's report and the invitation's delivery detail:
     *                  {@code unavailable}, {@code rejected} or {@code other}
     * @param permanent true when trying again cannot help (the server refused the address for good)
     * @param recipient  the guest's address, for the organizer's report; empty when not known
     */
    record Failed(String reason, boolean permanent, String recipient) implements SendOutcome {

        Failed(String reason, boolean permanent) {
            this(reason, permanent, "");
        }

        Failed to(String address) {
            return new Failed(reason, permanent, address);
        }
    }
}
