package io.guestgate.landing.meeting;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What the meeting page's script receives: the guest token and where to dial. Sent only in the body of a same-origin
 * POST with {@code Cache-Control: no-store}; {@link #toString()} never shows the token.
 *
 * @param destination the meeting's SIP address ({@code <number>@<site>.webex.com}), what the widget dials
 * @param sandbox     true in the offline sandbox, where there is no Webex to join
 * @param password    the meeting's password when it asks guests for one, else null: handed over only here, after
 *                    verification, so the widget never stops the verified guest at a password prompt
 */
record MeetingSession(
        @JsonProperty("accessToken") String accessToken,
        @JsonProperty("destination") String destination,
        @JsonProperty("displayName") String displayName,
        @JsonProperty("expiresAt") Instant expiresAt,
        @JsonProperty("sandbox") boolean sandbox,
        @JsonProperty("password") String password) {

    @Override
    public String toString() {
        return "MeetingSession[destination=" + destination + ", displayName=" + displayName + ", expiresAt="
                + expiresAt + ", sandbox=" + sandbox + ", accessToken=redacted, password="
                + (password == null ? null : "redacted") + "]";
    }
}
