package io.guestgate.domain.account;

/** Whether GuestGate may act for an organizer in Webex. */
public enum AccountStatus {
    /** Tokens are stored and were valid when last used. */
    LINKED,
    /** The organizer logged out, or Webex rejected the refresh token: they must {@code login} again. */
    UNLINKED
}
