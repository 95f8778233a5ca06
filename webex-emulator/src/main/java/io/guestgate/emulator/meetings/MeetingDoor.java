package io.guestgate.emulator.meetings;

import io.guestgate.emulator.support.ApiException;
import org.springframework.stereotype.Component;

/**
 * Where an arrival goes. The host and the org's own users go straight in. Outsiders (guests with appuser tokens,
 * strangers who did not sign in) meet the meeting's {@code unlockedMeetingJoinSecurity}, which "specifies how the
 * people who aren't on the invite can join": the lobby, straight in, or refused. They also need the password, unless
 * they come through a {@code /meetings/join} link, which carries it.
 */
@Component
class MeetingDoor {

    private final MeetingPasswords passwords;

    MeetingDoor(MeetingPasswords passwords) {
        this.passwords = passwords;
    }

    Participant.State forMember() {
        return Participant.State.JOINED;
    }

    /** The join security first (a blocked meeting refuses even the right password), then the password. */
    Participant.State forOutsider(Meeting meeting, String password) {
        Participant.State state = forLinkBearer(meeting);
        passwords.check(meeting, password);
        return state;
    }

    Participant.State forLinkBearer(Meeting meeting) {
        String security = meeting.options().unlockedMeetingJoinSecurity();
        if ("blockFromJoin".equals(security)) {
            throw ApiException.forbidden("Guests cannot join this meeting.");
        }
        return "allowJoinWithLobby".equals(security) ? Participant.State.LOBBY : Participant.State.JOINED;
    }
}
