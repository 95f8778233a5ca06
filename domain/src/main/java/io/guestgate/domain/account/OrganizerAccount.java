package io.guestgate.domain.account;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * An organizer's linked Webex account, without its tokens (those never leave the vault except through
 * {@link OrganizerTokens}).
 *
 * @param personId    the Webex person id, the same id the bot sees as the sender of a chat message
 * @param email       the first email Webex lists for the person
 * @param displayName the name Webex shows for the person
 * @param linkedAt    when the organizer last completed the OAuth link
 * @param status      whether the link is usable
 * @param timezone    the time zone the organizer set in Webex, as {@code GET /people/me} said at linking or at the last
 *                    token refresh; empty when none is set
 */
public record OrganizerAccount(
        String personId, String email, String displayName, Instant linkedAt, AccountStatus status, String timezone) {

    public OrganizerAccount {
        if (personId == null || personId.isBlank()) {
            throw new IllegalArgumentException("personId must not be blank");
        }
        email = email == null ? "" : email;
        displayName = displayName == null ? "" : displayName;
        Objects.requireNonNull(linkedAt, "linkedAt");
        Objects.requireNonNull(status, "status");
        timezone = timezone == null ? "" : timezone.strip();
    }

    /** The organizer's own time zone; empty when none is set or Java does not know it. */
    public Optional<ZoneId> zone() {
        if (timezone.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(timezone));
        } catch (DateTimeException unknown) {
            return Optional.empty();
        }
    }

    public boolean isLinked() {
        return status == AccountStatus.LINKED;
    }

    OrganizerAccount withStatus(AccountStatus newStatus) {
        return new OrganizerAccount(personId, email, displayName, linkedAt, newStatus, timezone);
    }
}
