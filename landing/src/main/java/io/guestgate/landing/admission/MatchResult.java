package io.guestgate.landing.admission;

/** What the identity matcher decided. */
public sealed interface MatchResult {

    /** The identity is the invited person. */
    record Match() implements MatchResult {}

    /** The organizer has to decide ({@code host-approval}). */
    record AskOrganizer() implements MatchResult {}

    /** Not the invited person, or not verified strongly enough. */
    record Mismatch(Reason reason) implements MatchResult {}

    enum Reason {
        EMAIL_NOT_VERIFIED,
        EMAIL_DIFFERS,
        NAME_DIFFERS,
        ASSURANCE_TOO_LOW;

        /** The reason as written to the audit trail and shown in chat. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
