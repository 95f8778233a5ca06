package io.guestgate.webex.meetings;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code POST /meetings/join}. Identify the meeting by exactly one of {@code meetingId},
 * {@code meetingNumber} or {@code webLink}; {@link #forGuest} covers the product's use.
 *
 * @param expirationMinutes how long the personal link works (Webex allows 1–60)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JoinMeetingRequest(
        String meetingId,
        String meetingNumber,
        String webLink,
        Boolean joinDirectly,
        String email,
        String displayName,
        Integer expirationMinutes,
        String hostEmail,
        Boolean createJoinLinkAsWebLink) {

    public JoinMeetingRequest {
        int ids = (meetingId != null ? 1 : 0) + (meetingNumber != null ? 1 : 0) + (webLink != null ? 1 : 0);
        if (ids != 1) {
            throw new IllegalArgumentException("Name the meeting by exactly one of meetingId, meetingNumber, webLink");
        }
        if (expirationMinutes != null && (expirationMinutes < 1 || expirationMinutes > 60)) {
            throw new IllegalArgumentException("expirationMinutes must be between 1 and 60, was " + expirationMinutes);
        }
    }

    /**
     * A personal join link for one person, in their (verified) name, valid for a few minutes. {@code joinDirectly}
     * is false, so Webex answers with the link in a body rather than a redirect.
     */
    public static JoinMeetingRequest forGuest(
            String meetingId, String displayName, String email, int expirationMinutes) {
        return new JoinMeetingRequest(meetingId, null, null, false, email, displayName, expirationMinutes, null, null);
    }
}
