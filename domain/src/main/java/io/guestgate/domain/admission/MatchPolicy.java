package io.guestgate.domain.admission;

/** How a verified identity is compared with the invitation ({@code guestgate.admission.match-policy}). */
public enum MatchPolicy {
    /** {@code email_verified} is true and the email equals the invited one, ignoring case. */
    EMAIL,
    /** The verified name equals the invited name after Unicode NFKC normalisation and case folding. */
    NAME,
    /** The organizer sees the verified identity in chat and admits or denies. */
    HOST_APPROVAL
}
