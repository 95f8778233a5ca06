package io.guestgate.emulator.meetings;

import io.guestgate.emulator.auth.TokenRegistry;
import io.guestgate.emulator.support.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The links {@code POST /meetings/join} hands out, and what opening one does. A join link lets its bearer in without
 * signing in and without the password, in the name and email it was made for: the meeting sees an unauthenticated
 * participant, just like a stranger who knocked. That is why GuestGate treats join links like credentials.
 */
@Component
public class JoinLinks {

    static final String PATH = "/_emulator/join/";

    /**
     * What a link was made for. {@code personId} is set when it lets a signed-in user in: the host's start link, or a
     * join link the host asked for without naming anyone else.
     */
    record JoinLink(
            String meetingId, String displayName, String email, String personId, boolean start, Instant expiresAt) {}

    private final Map<String, JoinLink> byToken = new ConcurrentHashMap<>();
    private final MeetingStore meetings;
    private final Participants participants;
    private final Clock clock;

    JoinLinks(MeetingStore meetings, Participants participants, Clock clock) {
        this.meetings = meetings;
        this.participants = participants;
        this.clock = clock;
    }

    /** Stores a link; returns its token, the last path segment of {@code /_emulator/join/{token}}. */
    String issue(JoinLink link) {
        String token = TokenRegistry.randomToken();
        byToken.put(token, link);
        return token;
    }

    /** The link, if it exists and has not expired. */
    Optional<JoinLink> usable(String token) {
        return Optional.ofNullable(token)
                .map(byToken::get)
                .filter(l -> clock.instant().isBefore(l.expiresAt()));
    }

    /**
     * Opens a join link (the full URL {@code POST /meetings/join} returned) as a browser would, and joins the meeting:
     * an unexpired link lets its bearer in (into the lobby under {@code allowJoinWithLobby}); an expired one is a 410.
     */
    public Participant open(String joinLink) {
        int at = joinLink == null ? -1 : joinLink.indexOf(PATH);
        if (at < 0) {
            throw ApiException.badRequest("Not an emulator join link: " + joinLink);
        }
        String token = joinLink.substring(at + PATH.length()).split("[?#]", 2)[0];
        return enter(token);
    }

    Participant enter(String token) {
        JoinLink link = Optional.ofNullable(byToken.get(token))
                .orElseThrow(() -> ApiException.notFound("Join link not found."));
        if (!clock.instant().isBefore(link.expiresAt())) {
            throw new ApiException(HttpStatus.GONE, "The join link has expired.");
        }
        Meeting meeting = meetings.byId(link.meetingId())
                .orElseThrow(() -> new ApiException(HttpStatus.GONE, "The meeting no longer exists."));
        return link.personId() != null
                ? participants.startAsHost(meeting)
                : participants.enterByLink(meeting, link.displayName(), link.email());
    }
}
