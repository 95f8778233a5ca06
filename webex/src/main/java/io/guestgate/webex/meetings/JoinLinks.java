package io.guestgate.webex.meetings;

import java.time.OffsetDateTime;

/**
 * The answer of {@code POST /meetings/join}. The links work without a password, so treat them like tokens:
 * {@link #toString()} hides them.
 */
public record JoinLinks(String joinLink, String startLink, OffsetDateTime expiration) {

    @Override
    public String toString() {
        return "JoinLinks[joinLink=" + (joinLink == null ? null : "redacted") + ", startLink="
                + (startLink == null ? null : "redacted") + ", expiration=" + expiration + "]";
    }
}
