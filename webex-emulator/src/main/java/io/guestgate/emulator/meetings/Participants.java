package io.guestgate.emulator.meetings;

import io.guestgate.emulator.auth.Caller;
import io.guestgate.emulator.auth.TokenRegistry;
import io.guestgate.emulator.people.Directory;
import io.guestgate.emulator.people.WebexPerson;
import io.guestgate.emulator.support.ApiException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Who is in which meeting. A guest (appuser) joining a meeting with {@code allowJoinWithLobby} waits in the lobby
 * until the host admits them; the host and the org's own users go straight in; {@code blockFromJoin} keeps guests out.
 */
@Component
public class Participants {

  private final Map<String, Participant> byId = new ConcurrentHashMap<>();
  private final MeetingStore meetings;
  private final TokenRegistry tokens;
  private final Directory directory;
  private final Clock clock;

  Participants(MeetingStore meetings, TokenRegistry tokens, Directory directory, Clock clock) {
    this.meetings = meetings;
    this.tokens = tokens;
    this.directory = directory;
    this.clock = clock;
  }

  /** What the Meetings widget does with an access token and a destination (id, number, SIP address or link). */
  public Participant join(String destination, String accessToken) {
    Meeting meeting = meetings.byDestination(destination)
        .orElseThrow(() -> ApiException.notFound("Meeting not found."));
    Caller caller = tokens.authenticate(accessToken).orElseThrow(ApiException::unauthorized);
    WebexPerson person = directory.require(caller.personId());
    boolean host = person.id().equals(meeting.hostUserId());
    boolean guest = person.type() == WebexPerson.Type.APPUSER;
    String security = meeting.options().unlockedMeetingJoinSecurity();
    if (guest && "blockFromJoin".equals(security)) {
      throw ApiException.forbidden("Guests cannot join this meeting.");
    }
    Participant.State state = guest && "allowJoinWithLobby".equals(security)
        ? Participant.State.LOBBY : Participant.State.JOINED;
    Participant participant = new Participant(
        meeting.id() + "_I_" + UUID.randomUUID(), meeting.id(), person.id(), person.email(), person.displayName(),
        host, state, state == Participant.State.JOINED ? clock.instant() : null);
    byId.put(participant.id(), participant);
    return participant;
  }

  /** Admits a lobby participant of a meeting the caller hosts. */
  Participant admit(String participantId, String hostUserId) {
    Participant p = Optional.ofNullable(byId.get(participantId))
        .filter(x -> meetings.byId(x.meetingId()).map(m -> m.hostUserId().equals(hostUserId)).orElse(false))
        .orElseThrow(() -> ApiException.notFound("Participant not found."));
    return byId.computeIfPresent(p.id(), (k, x) -> x.state() == Participant.State.LOBBY ? x.admitted(clock.instant()) : x);
  }

  public List<Participant> of(String meetingId) {
    return byId.values().stream().filter(p -> p.meetingId().equals(meetingId))
        .sorted(Comparator.comparing(Participant::id)).toList();
  }

  Optional<Participant> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }
}
