package io.guestgate.guestlist.account;

import java.time.Instant;
import java.util.Objects;

/**
 * An organizer's linked Webex account, without its tokens (those never leave the vault except through
 * {@link OrganizerTokens}).
 *
 * @param personId    the Webex person id, the same id the bot sees as the sender of a chat message
 * @param email       the first email Webex lists for the person
 * @param displayName the name Webex shows for the person
 * @param linkedAt    when the organizer last completed the OAuth link
 * @param status      whether the link is usable
 */
public record OrganizerAccount(String personId, String email, String displayName, Instant linkedAt,
        AccountStatus status) {

    public OrganizerAccount {
        if (personId == null || personId.isBlank()) {
            throw new IllegalArgumentException("personId must not be blank");
        }
        email = email == null ? "" : email;
        displayName = displayName == null ? "" : displayName;
        Objects.requireNonNull(linkedAt, "linkedAt");
        Objects.requireNonNull(status, "status");
    }

    public boolean isLinked() {
        return status == AccountStatus.LINKED;
    }

    OrganizerAccount withStatus(AccountStatus newStatus) {
        return new OrganizerAccount(personId, email, displayName, linkedAt, newStatus);
    }
}
