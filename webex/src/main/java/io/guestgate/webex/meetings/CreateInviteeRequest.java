package io.guestgate.webex.meetings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The body of {@code POST /meetingInvitees}.
 *
 * @param sendEmail whether Webex mails the invitee itself (Webex's default is yes)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateInviteeRequest(
        String meetingId,
        String email,
        String displayName,
        Boolean coHost,
        Boolean sendEmail,
        Boolean panelist,
        String hostEmail) {

    public CreateInviteeRequest {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(email, "email");
        if (meetingId.isBlank() || email.isBlank()) {
            throw new IllegalArgumentException("meetingId and email must not be blank");
        }
    }

    public static CreateInviteeRequest of(String meetingId, String email, String displayName, boolean sendEmail) {
        return new CreateInviteeRequest(meetingId, email, displayName, null, sendEmail, null, null);
    }
}
