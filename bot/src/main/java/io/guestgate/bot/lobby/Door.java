package io.guestgate.bot.lobby;

import io.guestgate.domain.audit.AuditEvent;
import io.guestgate.domain.audit.AuditLog;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.lobby.DoorDecision;
import io.guestgate.domain.lobby.GuestAtTheDoor;
import io.guestgate.domain.lobby.GuestState;
import io.guestgate.domain.lobby.JoinLinkOpened;
import io.guestgate.domain.lobby.LobbyProperties;
import io.guestgate.domain.lobby.LobbyStore;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.platform.metrics.GuestgateMetrics;
import io.guestgate.webex.WebexApiException;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.meetings.MeetingParticipant;
import io.guestgate.webex.oauth.AccessToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * GuestGate's door: looks at a meeting's participants with the host's token and decides about everyone waiting in
 * its lobby. A {@code meetingParticipants} webhook and the poll ({@link LobbyPoller}) both end here, on any instance;
 * every decision is recorded once per participant in Redis first, so one participant is admitted at most once.
 * <ul>
 * <li>a participant whose Webex identity (email and org) is one GuestGate minted a guest token for, for a verified
 * invitation of this meeting, is admitted: that identity cannot be typed into a name field;</li>
 * <li>unless that invitation was withdrawn (or the meeting cancelled) after the token was minted, or the identity
 * already has a seat in the meeting (a shared token, a second device): then the organizer is told;</li>
 * <li>anyone else stays in the lobby, and the organizer gets one card with Admit anyway ({@link AdmitAnywayHandler}).
 * Someone who came by a verified guest's join link gets that card too, naming the guest: a join link proves
 * nothing about who uses it.</li>
 * </ul>
 * Logs carry ids only, never names, addresses or tokens.
 */
@Component
public class Door {

    private static final Logger log = LoggerFactory.getLogger(Door.class);
    /** A decision to admit whose participant still waits after this long is carried out again (a crash between). */
    private static final Duration STUCK = Duration.ofSeconds(10);

    private static final String ACTOR = "guestgate";

    private final WebexClient webex;
    private final HostToken hostToken;
    private final MeetingStore meetings;
    private final InvitationStore invitations;
    private final LobbyStore lobby;
    private final LobbyProperties properties;
    private final DoorNotices notices;
    private final AuditLog audit;
    private final GuestgateMetrics metrics;
    private final Clock clock;

    Door(
            WebexClient webex,
            HostToken hostToken,
            MeetingStore meetings,
            InvitationStore invitations,
            LobbyStore lobby,
            LobbyProperties properties,
            DoorNotices notices,
            AuditLog audit,
            GuestgateMetrics metrics,
            Clock clock) {
        this.webex = webex;
        this.hostToken = hostToken;
        this.meetings = meetings;
        this.invitations = invitations;
        this.lobby = lobby;
        this.properties = properties;
        this.notices = notices;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A {@code meetingParticipants} webhook named this Webex meeting (an instance id): look at its lobby. */
    public Mono<Void> participantsChanged(String webexMeetingId) {
        return meetings.findByWebexId(webexMeetingId)
                .flatMap(meeting -> look(meeting, webexMeetingId.contains("_I_") ? webexMeetingId : null))
                .switchIfEmpty(Mono.fromRunnable(() -> log.debug(
                        "Participants of Webex meeting {} changed; not a " + "GuestGate meeting", webexMeetingId)));
    }

    /** Looks at the lobby of one of GuestGate's meetings (the poll). */
    public Mono<Void> look(String meetingId) {
        return meetings.findById(meetingId).flatMap(meeting -> look(meeting, null));
    }

    private Mono<Void> look(Meeting meeting, String instanceId) {
        Instant keep = invitations.linkExpiry(meeting);
        // A webhook names the instance; the poll lists by the series id, which Webex answers for its latest instance.
        String listBy = instanceId != null ? instanceId : meeting.webex().id();
        return hostToken
                .call(
                        meeting,
                        token -> webex.meetingParticipants()
                                .list(token, listBy)
                                .collectList()
                                .flatMap(participants -> invitations
                                        .findByMeeting(meeting.id())
                                        .collectList()
                                        .flatMap(all -> decideAll(new Look(meeting, token, participants, all, keep)))))
                .onErrorResume(HostToken.RelinkNeeded.class, e -> relink(meeting, true))
                .onErrorResume(
                        WebexApiException.class, e -> e.status() != 403 ? Mono.error(e) : relink(meeting, false));
    }

    /** What one look found: the meeting, the host's token, who Webex lists, and the meeting's invitations. */
    private record Look(
            Meeting meeting,
            AccessToken token,
            List<MeetingParticipant> participants,
            List<Invitation> invitations,
            Instant keep) {

        Optional<Invitation> verifiedGuest(MeetingParticipant participant) {
            return invitations.stream()
                    .filter(i -> i.webexGuest() != null && i.webexGuest().is(participant.email(), participant.orgId()))
                    .findFirst();
        }

        List<String> present() {
            return participants.stream()
                    .filter(p -> p.inLobby() || inside(p))
                    .map(MeetingParticipant::id)
                    .toList();
        }

        /** In the meeting: joined, or in one of its breakout sessions. */
        static boolean inside(MeetingParticipant participant) {
            return "joined".equals(participant.state()) || "breakoutSession".equals(participant.state());
        }

        String meetingId() {
            return meeting.id();
        }
    }

    private Mono<Void> decideAll(Look look) {
        return Flux.fromIterable(look.participants())
                .concatMap(participant -> {
                    Optional<Invitation> guest = look.verifiedGuest(participant);
                    if (participant.inLobby()) {
                        return atTheDoor(look, participant, guest);
                    }
                    if (Look.inside(participant) && guest.isPresent()) {
                        return inside(look, participant, guest.get());
                    }
                    return Mono.<Void>empty();
                })
                .then(Mono.defer(() -> stopWatchingWhenNobodyIsExpected(look)));
    }

    private Mono<Void> atTheDoor(Look look, MeetingParticipant participant, Optional<Invitation> guest) {
        return lobby.decision(look.meetingId(), participant.id())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(decided -> {
                    if (decided.isPresent()) {
                        return reconsider(look, participant, decided.get(), guest);
                    }
                    return guest.map(invitation -> verifiedGuest(look, participant, invitation))
                            .orElseGet(() -> stranger(look, participant));
                });
    }

    private Mono<Void> verifiedGuest(Look look, MeetingParticipant participant, Invitation invitation) {
        if (invitation.isRevoked() || look.meeting().isCancelled()) {
            return decide(
                    look,
                    participant,
                    DoorDecision.Kind.REFUSED_WITHDRAWN,
                    invitation.id(),
                    () -> setGuest(look, invitation, GuestState.REFUSED, participant.id())
                            .then(notices.withdrawn(look.meeting(), invitation)));
        }
        return lobby.takeSeat(look.meetingId(), invitation.id(), participant.id(), look.present())
                .flatMap(seated -> !seated
                        ? decide(
                                look,
                                participant,
                                DoorDecision.Kind.REFUSED_DUPLICATE,
                                invitation.id(),
                                () -> setGuest(look, invitation, GuestState.REFUSED, participant.id())
                                        .then(notices.duplicate(look.meeting(), invitation)))
                        : waiting(look, invitation, participant)
                                .flatMap(since -> decide(
                                        look,
                                        participant,
                                        DoorDecision.Kind.ADMITTED,
                                        invitation.id(),
                                        () -> admit(look, participant, invitation, since))));
    }

    /** Records that the verified guest waits in the lobby (the state their page shows); returns since when. */
    private Mono<Instant> waiting(Look look, Invitation invitation, MeetingParticipant participant) {
        return lobby.guest(look.meetingId(), invitation.id())
                .filter(guest ->
                        guest.state() == GuestState.LOBBY && participant.id().equals(guest.participantId()))
                .map(GuestAtTheDoor::since)
                .switchIfEmpty(Mono.defer(() -> {
                    Instant now = clock.instant();
                    return setGuest(look, invitation, GuestState.LOBBY, participant.id())
                            .thenReturn(now);
                }));
    }

    private Mono<Void> admit(Look look, MeetingParticipant participant, Invitation invitation, Instant since) {
        return webex.meetingParticipants()
                .admit(look.token(), List.of(participant.id()))
                .then(Mono.defer(() -> {
                    Instant now = clock.instant();
                    metrics.lobbyWait(Duration.between(since, now));
                    log.info(
                            "Admitted participant {} of meeting {} for invitation {}",
                            participant.id(),
                            look.meetingId(),
                            invitation.id());
                    return setGuest(look, invitation, GuestState.ADMITTED, participant.id())
                            .then(notices.admitted(look.meeting(), invitation));
                }))
                .onErrorResume(e -> {
                    // Forgotten, the decision is made again on the next look (webhook or poll).
                    log.warn(
                            "Could not admit participant {} of meeting {}: {}",
                            participant.id(),
                            look.meetingId(),
                            e.toString());
                    return lobby.forget(look.meetingId(), participant.id()).then(Mono.error(e));
                });
    }

    private Mono<Void> stranger(Look look, MeetingParticipant participant) {
        Mono<Optional<JoinLinkOpened>> claimed = properties.joinLinks() == LobbyProperties.JoinLinks.OFF
                ? Mono.just(Optional.empty())
                : lobby.openJoinLinks(look.meetingId(), clock.instant())
                        .filter(link -> claims(participant, link))
                        .next()
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty());
        return claimed.flatMap(link -> {
            String invitationId = link.map(JoinLinkOpened::invitationId).orElse(null);
            return decide(
                    look,
                    participant,
                    DoorDecision.Kind.KEPT_OUT,
                    invitationId,
                    () -> link.isEmpty()
                            ? notices.knocking(look.meeting(), participant, null)
                            : otherClaimants(look, participant, invitationId)
                                    .flatMap(others -> others > 0
                                            ? notices.contested(look.meeting(), link.get())
                                            : notices.knocking(look.meeting(), participant, link.get())));
        });
    }

    /** Whoever waits under the name and address a verified guest's join link was made out to. */
    private static boolean claims(MeetingParticipant participant, JoinLinkOpened link) {
        boolean sameName = participant.displayName() != null
                && participant
                        .displayName()
                        .strip()
                        .equalsIgnoreCase(link.displayName().strip());
        boolean sameEmail = link.email().isBlank()
                || participant.email() == null
                || participant.email().strip().equalsIgnoreCase(link.email().strip());
        return sameName && sameEmail;
    }

    private Mono<Long> otherClaimants(Look look, MeetingParticipant participant, String invitationId) {
        return lobby.decisions(look.meetingId())
                .filter(entry -> !entry.getKey().equals(participant.id())
                        && (entry.getValue().kind() == DoorDecision.Kind.KEPT_OUT
                                || entry.getValue().kind() == DoorDecision.Kind.ADMITTED_ANYWAY)
                        && invitationId.equals(entry.getValue().invitationId()))
                .count();
    }

    /**
     * Records the decision and, for the one caller (on any instance) that made it, audits, counts and carries it
     * out. A failure to carry it out fails the look, so the next one tries again.
     */
    private Mono<Void> decide(
            Look look,
            MeetingParticipant participant,
            DoorDecision.Kind kind,
            String invitationId,
            java.util.function.Supplier<Mono<Void>> carryOut) {
        DoorDecision decision = new DoorDecision(kind, invitationId, participant.displayName(), clock.instant());
        return lobby.decide(look.meetingId(), participant.id(), decision, look.keep())
                .flatMap(first -> {
                    if (!first) {
                        return Mono.empty();
                    }
                    return carryOut.get()
                            .then(Mono.defer(() -> {
                                metrics.lobbyDecision(kind.wire());
                                return audit.record(new AuditEvent(
                                                clock.instant(),
                                                "lobby",
                                                kind.wire(),
                                                look.meetingId(),
                                                invitationId,
                                                ACTOR,
                                                Map.of("participantId", participant.id())))
                                        .then();
                            }))
                            .onErrorResume(e -> kind == DoorDecision.Kind.ADMITTED
                                    ? Mono.error(e)
                                    : lobby.forget(look.meetingId(), participant.id())
                                            .then(Mono.error(e)));
                });
    }

    /**
     * A participant decided about before still waits. Refused as a duplicate, they are let in once the identity's
     * seat is free again (the first device left: a guest who reloaded the page). Admitted, the admit call was lost
     * (say, the instance died): admit again.
     */
    private Mono<Void> reconsider(
            Look look, MeetingParticipant participant, DoorDecision decided, Optional<Invitation> guest) {
        if (decided.kind() == DoorDecision.Kind.REFUSED_DUPLICATE
                && guest.isPresent()
                && !guest.get().isRevoked()
                && !look.meeting().isCancelled()) {
            Invitation invitation = guest.get();
            return lobby.takeSeat(look.meetingId(), invitation.id(), participant.id(), look.present())
                    .filter(Boolean::booleanValue)
                    .flatMap(seated -> waiting(look, invitation, participant))
                    .flatMap(since -> lobby.redecide(
                                    look.meetingId(),
                                    participant.id(),
                                    decided,
                                    decided.as(DoorDecision.Kind.ADMITTED, clock.instant()))
                            .filter(Boolean::booleanValue)
                            .flatMap(won -> admit(look, participant, invitation, since)
                                    .then(Mono.defer(() -> {
                                        metrics.lobbyDecision(DoorDecision.Kind.ADMITTED.wire());
                                        return audit.record(new AuditEvent(
                                                        clock.instant(),
                                                        "lobby",
                                                        DoorDecision.Kind.ADMITTED.wire(),
                                                        look.meetingId(),
                                                        invitation.id(),
                                                        ACTOR,
                                                        Map.of(
                                                                "participantId",
                                                                participant.id(),
                                                                "after",
                                                                DoorDecision.Kind.REFUSED_DUPLICATE.wire())))
                                                .then();
                                    }))));
        }
        boolean admitted =
                decided.kind() == DoorDecision.Kind.ADMITTED || decided.kind() == DoorDecision.Kind.ADMITTED_ANYWAY;
        if (!admitted || decided.at().plus(STUCK).isAfter(clock.instant())) {
            return Mono.empty();
        }
        log.info(
                "Participant {} of meeting {} still waits after being admitted; admitting again",
                participant.id(),
                look.meetingId());
        return webex.meetingParticipants()
                .admit(look.token(), List.of(participant.id()))
                .onErrorResume(e -> {
                    log.warn(
                            "Could not admit participant {} of meeting {} again: {}",
                            participant.id(),
                            look.meetingId(),
                            e.toString());
                    return Mono.empty();
                });
    }

    /**
     * A verified guest Webex shows inside (admitted by the door, the host, or straight in). Their page says so, unless
     * it belongs to a second device the door refused that is still waiting: that page keeps saying refused.
     */
    private Mono<Void> inside(Look look, MeetingParticipant participant, Invitation invitation) {
        return lobby.guest(look.meetingId(), invitation.id())
                .filter(guest -> guest.state() == GuestState.ADMITTED
                                && participant.id().equals(guest.participantId())
                        || guest.state() == GuestState.REFUSED && look.present().contains(guest.participantId()))
                .hasElement()
                .flatMap(known -> known
                        ? Mono.empty()
                        : lobby.takeSeat(look.meetingId(), invitation.id(), participant.id(), look.present())
                                .flatMap(seated -> seated
                                        ? setGuest(look, invitation, GuestState.ADMITTED, participant.id())
                                        : Mono.empty()));
    }

    private Mono<Void> setGuest(Look look, Invitation invitation, GuestState state, String participantId) {
        return lobby.putGuest(
                look.meetingId(),
                invitation.id(),
                new GuestAtTheDoor(state, participantId, clock.instant()),
                look.keep());
    }

    /**
     * Polling stops once every guest a token was minted for is in, or was refused, and no verified identity waits in
     * the lobby any more (a second device refused while the first is in is let in once the first leaves).
     */
    private Mono<Void> stopWatchingWhenNobodyIsExpected(Look look) {
        boolean verifiedWaiting = look.participants().stream()
                .anyMatch(participant -> participant.inLobby()
                        && look.verifiedGuest(participant)
                                .filter(invitation -> !invitation.isRevoked())
                                .isPresent());
        if (verifiedWaiting) {
            return Mono.empty();
        }
        return Flux.fromIterable(look.invitations())
                .filter(invitation -> invitation.webexGuest() != null)
                .concatMap(invitation -> lobby.guest(look.meetingId(), invitation.id()))
                .any(guest -> guest.state() == GuestState.CONNECTING || guest.state() == GuestState.LOBBY)
                .flatMap(expected -> expected ? Mono.empty() : lobby.unwatch(look.meetingId()));
    }

    /**
     * Gives up keeping this meeting's lobby: the host's link is gone ({@code gone}: revoked, ended, never made), or
     * it lacks the participant scopes. The organizer is told once per meeting; of a gone link, once per link.
     */
    private Mono<Void> relink(Meeting meeting, boolean gone) {
        log.warn(
                "Cannot keep the lobby of meeting {}: organizer {} must link again",
                meeting.id(),
                meeting.organizer().personId());
        String reason = gone ? "link-gone" : "missing-scopes";
        return lobby.once(meeting.id(), "relink", invitations.linkExpiry(meeting))
                .flatMap(first -> !first
                        ? Mono.<Void>empty()
                        : (gone ? notices.linkGone(meeting) : notices.relink(meeting))
                                .then(Mono.fromRunnable(() -> metrics.lobbyUnkept(reason))))
                .then(lobby.unwatch(meeting.id()));
    }
}
