package io.guestgate.emulator.meetings;

import io.guestgate.emulator.auth.Caller;
import io.guestgate.emulator.auth.TokenRegistry;
import io.guestgate.emulator.people.Directory;
import io.guestgate.emulator.people.WebexPerson;
import io.guestgate.emulator.support.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Who came through the door of which meeting ({@link MeetingDoor} decides where each goes), and how they move on:
 * admitted from the lobby, or gone. Every arrival, admission and departure fires a {@code meetingParticipants}
 * webhook, and participants carry the instance id as {@code meetingId}.
 */
@Component
public class Participants {

    private final Map<String, Participant> byId = new LinkedHashMap<>();
    private final MeetingStore meetings;
    private final MeetingInstances instances;
    private final MeetingDoor door;
    private final ParticipantEvents events;
    private final TokenRegistry tokens;
    private final Directory directory;
    private final Clock clock;

    Participants(
            MeetingStore meetings,
            MeetingInstances instances,
            MeetingDoor door,
            ParticipantEvents events,
            TokenRegistry tokens,
            Directory directory,
            Clock clock) {
        this.meetings = meetings;
        this.instances = instances;
        this.door = door;
        this.events = events;
        this.tokens = tokens;
        this.directory = directory;
        this.clock = clock;
    }

    /** {@link #join(String, String, String)} without a password. */
    public Participant join(String destination, String accessToken) {
        return join(destination, accessToken, null);
    }

    /**
     * What the Meetings widget does with an access token and a destination (id, number, SIP address or link). A guest
     * must give the meeting password (see {@link MeetingPasswords}); the host and the org's users need none.
     */
    public Participant join(String destination, String accessToken, String password) {
        Meeting meeting = meeting(destination);
        Caller caller = tokens.authenticate(accessToken).orElseThrow(ApiException::unauthorized);
        WebexPerson person = directory.require(caller.personId());
        Participant.State state =
                person.type() == WebexPerson.Type.APPUSER ? door.forOutsider(meeting, password) : door.forMember();
        return enter(
                meeting,
                person.id(),
                person.email(),
                person.displayName(),
                person.orgId(),
                person.id().equals(meeting.hostUserId()),
                state);
    }

    /**
     * A stranger at the Webex web client who typed the meeting's address and any name and email, without signing in:
     * no person id, and {@link Participant#UNAUTHENTICATED_ORG_ID}. They need the password like a guest.
     */
    public Participant knock(String destination, String displayName, String email, String password) {
        Meeting meeting = meeting(destination);
        return enter(
                meeting,
                null,
                email,
                displayName,
                Participant.UNAUTHENTICATED_ORG_ID,
                false,
                door.forOutsider(meeting, password));
    }

    /** Whoever opens a {@code /meetings/join} link: not signed in, and no password asked, since the link carries it. */
    Participant enterByLink(Meeting meeting, String displayName, String email) {
        return enter(
                meeting,
                null,
                email,
                displayName,
                Participant.UNAUTHENTICATED_ORG_ID,
                false,
                door.forLinkBearer(meeting));
    }

    /** The host, through their start link. */
    Participant startAsHost(Meeting meeting) {
        WebexPerson host = directory.require(meeting.hostUserId());
        return enter(meeting, host.id(), host.email(), host.displayName(), host.orgId(), true, door.forMember());
    }

    /** Admits a lobby participant of a meeting the caller hosts; anyone else is left as they are. */
    synchronized Participant admit(String participantId, String hostUserId) {
        Participant p = byId(participantId)
                .filter(x -> meetings.byId(x.seriesId())
                        .map(m -> m.hostUserId().equals(hostUserId))
                        .orElse(false))
                .orElseThrow(() -> ApiException.notFound("Participant not found."));
        if (p.state() != Participant.State.LOBBY) {
            return p;
        }
        Participant admitted = p.admitted(clock.instant());
        byId.put(admitted.id(), admitted);
        events.admitted(admitted, meetings.byId(p.seriesId()).orElseThrow());
        return admitted;
    }

    /** Leaves the lobby or the meeting; the instance ends with its last participant. */
    public synchronized Participant leave(String participantId) {
        Participant p = byId(participantId).orElseThrow(() -> ApiException.notFound("Participant not found."));
        if (!p.present()) {
            return p;
        }
        Participant gone = p.left(clock.instant());
        byId.put(gone.id(), gone);
        if (byId.values().stream().noneMatch(x -> x.meetingId().equals(gone.meetingId()) && x.present())) {
            instances.end(gone.meetingId());
        }
        meetings.byId(gone.seriesId()).ifPresent(m -> events.left(gone, m));
        return gone;
    }

    /**
     * For a series id, everyone who came to any instance of it; for an instance id, that instance's. Oldest first.
     */
    public synchronized List<Participant> of(String meetingId) {
        Predicate<Participant> wanted = MeetingInstances.isInstanceId(meetingId)
                ? p -> p.meetingId().equals(meetingId)
                : p -> p.seriesId().equals(MeetingInstances.seriesOf(meetingId));
        return byId.values().stream().filter(wanted).toList();
    }

    /**
     * What {@code GET /meetingParticipants} lists: an instance id names that instance (404 if there is none); a series
     * or occurrence id names its latest instance, as the spec says.
     */
    synchronized List<Participant> listed(String meetingId, Meeting meeting) {
        if (MeetingInstances.isInstanceId(meetingId)) {
            instances.byId(meetingId).orElseThrow(() -> ApiException.notFound("Meeting not found."));
            return of(meetingId);
        }
        return instances.latest(meeting.id()).map(i -> of(i.id())).orElse(List.of());
    }

    synchronized Optional<Participant> byId(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    private Meeting meeting(String destination) {
        return meetings.byDestination(destination).orElseThrow(() -> ApiException.notFound("Meeting not found."));
    }

    private synchronized Participant enter(
            Meeting meeting,
            String personId,
            String email,
            String displayName,
            String orgId,
            boolean host,
            Participant.State state) {
        if (displayName == null || displayName.isBlank()) {
            throw ApiException.badRequest("displayName is required.");
        }
        MeetingInstances.Instance instance = instances.current(meeting.id());
        Instant now = clock.instant();
        Participant p = new Participant(
                instance.id() + "_" + UUID.randomUUID(),
                meeting.id(),
                instance.id(),
                personId,
                email,
                displayName,
                orgId,
                host,
                state,
                state == Participant.State.JOINED ? now : null,
                null);
        byId.put(p.id(), p);
        events.arrived(p, meeting);
        return p;
    }
}
