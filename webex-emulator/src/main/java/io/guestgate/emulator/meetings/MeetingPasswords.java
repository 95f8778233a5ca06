package io.guestgate.emulator.meetings;

import io.guestgate.emulator.config.EmulatorProperties;
import io.guestgate.emulator.support.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The meeting password at the door. A guest token that dials a meeting can fail with
 * {@code HOST_PIN_OR_MEETING_PASSWORD_REQUIRED} (webex-android-sdk issue #199), so outsiders (guests and whoever did
 * not sign in) must give it unless {@code emulator.meetings.guest-password-required} is false.
 *
 * <p>{@code excludePassword} does not waive it: the spec defines that flag as leaving the password out of the email
 * invitation, and every Webex meeting has a password.
 */
@Component
class MeetingPasswords {

    static final String REQUIRED_CODE = "HOST_PIN_OR_MEETING_PASSWORD_REQUIRED";

    private final boolean required;

    MeetingPasswords(EmulatorProperties properties) {
        this.required = properties.meetings().guestPasswordRequired();
    }

    /** Refuses an outsider without the meeting's password with a 403 that names what is missing. */
    void check(Meeting meeting, String given) {
        if (!required) {
            return;
        }
        if (given == null || given.isEmpty()) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    REQUIRED_CODE + ": The meeting password or host PIN is required to join this meeting.");
        }
        boolean same = MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), meeting.password().getBytes(StandardCharsets.UTF_8));
        if (!same) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    REQUIRED_CODE
                            + ": The meeting password is incorrect; the correct password or host PIN is required.");
        }
    }
}
