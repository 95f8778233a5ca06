package io.guestgate.domain.invitation;

import java.util.Locale;
import java.util.Objects;

/**
 * Who a guest token GuestGate minted is at Webex, as {@code GET /v1/people/me} answers for it. GuestGate's guest
 * issuer or Service App created this identity; nobody can type it into the name field of the Webex web client. That
 * is what lets the door admit a lobby participant automatically: its {@code email} and {@code orgId} are this one's.
 *
 * @param personId the guest's Webex person id
 * @param email    the address Webex made up for the guest (not the invited address)
 * @param orgId    the organization of the issuer or Service App
 */
public record WebexGuest(String personId, String email, String orgId) {

    public WebexGuest {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(orgId, "orgId");
        email = email.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a participant Webex lists with this email and org is this guest. */
    public boolean is(String participantEmail, String participantOrgId) {
        return participantEmail != null
                && participantOrgId != null
                && email.equals(participantEmail.strip().toLowerCase(Locale.ROOT))
                && orgId.equals(participantOrgId);
    }
}
