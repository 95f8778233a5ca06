package io.guestgate.domain.lobby;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified guest asked for a personal Webex join link ("Open in Webex"). Whoever then waits in the lobby under that
 * name typed it: a join link carries no identity Webex could show. So the door only tells the organizer, who decides.
 *
 * @param until when the link stops working (plus a little slack for joining)
 */
public record JoinLinkOpened(String invitationId, String displayName, String email, String provider, Instant until) {

    public JoinLinkOpened {
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(until, "until");
        email = email == null ? "" : email;
        provider = provider == null ? "" : provider;
    }
}
