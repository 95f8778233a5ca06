package io.guestgate.landing.meeting;

import io.guestgate.domain.account.OrganizerTokens;
import io.guestgate.domain.account.TokenResult;
import io.guestgate.domain.audit.AuditEvent;
import io.guestgate.domain.audit.AuditLog;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.VerifiedIdentity;
import io.guestgate.domain.lobby.GuestAtTheDoor;
import io.guestgate.domain.lobby.GuestState;
import io.guestgate.domain.lobby.JoinLinkOpened;
import io.guestgate.domain.lobby.LobbyProperties;
import io.guestgate.domain.lobby.LobbyStore;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.landing.join.LinkGuard;
import io.guestgate.landing.join.LinkPages;
import io.guestgate.landing.join.LinkState;
import io.guestgate.landing.verify.GuestSession;
import io.guestgate.landing.web.NextStep;
import io.guestgate.landing.web.Pages;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.meetings.JoinMeetingRequest;
import io.guestgate.webex.oauth.AccessToken;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The verified guest's view of the door: where they stand (the meeting page polls it), and the personal Webex join
 * link behind "Open in Webex". Both only for the session whose verified identity holds the invitation.
 */
@Controller
class DoorController {

    private static final Log log = LogFactory.getLog(DoorController.class);

    private final LinkGuard guard;
    private final LinkPages linkPages;
    private final Pages pages;
    private final GuestSession guestSession;
    private final InvitationStore invitations;
    private final MeetingStore meetings;
    private final LobbyStore lobby;
    private final LobbyProperties properties;
    private final OrganizerTokens organizerTokens;
    private final WebexClient webex;
    private final AuditLog audit;
    private final Clock clock;

    DoorController(
            LinkGuard guard,
            LinkPages linkPages,
            Pages pages,
            GuestSession guestSession,
            InvitationStore invitations,
            MeetingStore meetings,
            LobbyStore lobby,
            LobbyProperties properties,
            OrganizerTokens organizerTokens,
            WebexClient webex,
            AuditLog audit,
            Clock clock) {
        this.guard = guard;
        this.linkPages = linkPages;
        this.pages = pages;
        this.guestSession = guestSession;
        this.invitations = invitations;
        this.meetings = meetings;
        this.lobby = lobby;
        this.properties = properties;
        this.organizerTokens = organizerTokens;
        this.webex = webex;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * {@code {state, organizer}}: connecting, lobby, admitted or refused. The page asks every second or so, so the
     * verified holder's requests use up no rate limit; anyone else goes through the link guard and its limits.
     */
    @GetMapping(value = "/join/{token}/lobby", produces = "application/json")
    @ResponseBody
    Mono<ResponseEntity<Object>> status(@PathVariable String token, ServerWebExchange exchange) {
        return exchange.getSession()
                .flatMap(session -> invitations
                        .findByToken(token)
                        .filter(invitation -> holder(guestSession.admitted(session, invitation.id()), invitation)
                                .isPresent()))
                .flatMap(invitation -> meetings.findById(invitation.meetingId())
                        .flatMap(meeting ->
                                state(invitation, meeting).map(state -> answer(HttpStatus.OK, state, meeting))))
                .switchIfEmpty(Mono.defer(
                        () -> guard.check(token, exchange, true).map(state -> answer(refusal(state), null, null))));
    }

    private Mono<GuestState> state(Invitation invitation, Meeting meeting) {
        if (invitation.isRevoked() || meeting.isCancelled()) {
            return Mono.just(GuestState.REFUSED);
        }
        return lobby.guest(meeting.id(), invitation.id())
                .map(GuestAtTheDoor::state)
                .defaultIfEmpty(GuestState.CONNECTING);
    }

    private static HttpStatus refusal(LinkState state) {
        if (state instanceof LinkState.Unknown) {
            return HttpStatus.NOT_FOUND;
        }
        if (state instanceof LinkState.Limited) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        return state instanceof LinkState.Open || state instanceof LinkState.TooEarly
                ? HttpStatus.FORBIDDEN
                : HttpStatus.GONE;
    }

    private static ResponseEntity<Object> answer(HttpStatus status, GuestState state, Meeting meeting) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (state != null) {
            body.put("state", state.wire());
            body.put("organizer", meeting.organizer().displayName());
        } else {
            body.put("error", status.value());
        }
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    /**
     * "Open in Webex": a personal join link in the verified name and address, valid a few minutes, answered with a
     * 303 to it. The link is a credential: never rendered, stored or logged. Whoever then waits in the lobby is let
     * in only when the organizer confirms, since a name and address can be typed by anyone.
     */
    @PostMapping("/join/{token}/webex-link")
    Mono<Rendering> webexLink(@PathVariable String token, ServerWebExchange exchange) {
        if (properties.joinLinks() == LobbyProperties.JoinLinks.OFF) {
            return Mono.just(pages.message(exchange, HttpStatus.NOT_FOUND, "link.unknown"));
        }
        return guard.check(token, exchange, true).flatMap(state -> {
            if (!(state instanceof LinkState.Open open)) {
                return Mono.just(linkPages.closed(state, exchange));
            }
            Invitation invitation = open.invitation();
            Meeting meeting = open.meeting();
            return exchange.getSession().flatMap(session -> {
                Optional<VerifiedIdentity> identity =
                        holder(guestSession.admitted(session, invitation.id()), invitation);
                if (identity.isEmpty()) {
                    return Mono.just(Rendering.redirectTo("/join/" + token)
                            .status(HttpStatus.SEE_OTHER)
                            .build());
                }
                return joinLink(meeting, invitation, identity.get())
                        .map(link -> Rendering.redirectTo(link.toString())
                                .status(HttpStatus.SEE_OTHER)
                                .header("Cache-Control", "no-store")
                                .build())
                        .onErrorResume(e -> {
                            log.warn("No Webex join link for invitation " + invitation.id() + ": "
                                    + e.getClass().getSimpleName());
                            return Mono.just(pages.message(
                                    exchange,
                                    HttpStatus.BAD_GATEWAY,
                                    NextStep.meetingPage(token),
                                    "webex-link.failed"));
                        });
            });
        });
    }

    private Mono<URI> joinLink(Meeting meeting, Invitation invitation, VerifiedIdentity identity) {
        int minutes = properties.joinLinkMinutes();
        Instant now = clock.instant();
        return organizerTokens
                .validAccessToken(meeting.organizer().personId())
                .flatMap(result -> result instanceof TokenResult.Token token
                        ? webex.meetings()
                                .join(
                                        AccessToken.of(token.accessToken()),
                                        JoinMeetingRequest.forGuest(
                                                meeting.webex().id(),
                                                identity.displayName(),
                                                email(identity, invitation),
                                                minutes))
                        : Mono.error(new IllegalStateException("the organizer's account is not linked")))
                .flatMap(links -> {
                    Instant keep = invitations.linkExpiry(meeting);
                    // Joining takes a moment after the link stops working: look for its user a little longer.
                    Instant until = now.plusSeconds(minutes * 60L + 120);
                    return lobby.joinLinkOpened(
                                    meeting.id(),
                                    new JoinLinkOpened(
                                            invitation.id(),
                                            identity.displayName(),
                                            email(identity, invitation),
                                            identity.provider(),
                                            until),
                                    keep)
                            .then(lobby.watch(meeting.id(), until.plus(properties.pollFor())))
                            .then(audit.record(new AuditEvent(
                                    now,
                                    "join-link",
                                    "issued",
                                    meeting.id(),
                                    invitation.id(),
                                    identity.issuer() + "#" + identity.subject(),
                                    Map.of("expiresInMinutes", Integer.toString(minutes)))))
                            .thenReturn(URI.create(links.joinLink()));
                });
    }

    /** Webex wants an address with the name: the verified one, else (under the name policy) the invited one. */
    private static String email(VerifiedIdentity identity, Invitation invitation) {
        return identity.email() != null && !identity.email().isBlank()
                ? identity.email()
                : invitation.invitee().email();
    }

    /** The session's verified identity, if it is the one that holds the invitation now. */
    private static Optional<VerifiedIdentity> holder(Optional<VerifiedIdentity> admitted, Invitation invitation) {
        return admitted.filter(identity -> identity.isSamePersonAs(invitation.identity()));
    }
}
