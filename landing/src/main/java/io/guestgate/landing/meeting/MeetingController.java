package io.guestgate.landing.meeting;

import io.guestgate.domain.audit.AuditEvent;
import io.guestgate.domain.audit.AuditLog;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.VerifiedIdentity;
import io.guestgate.domain.lobby.LobbyProperties;
import io.guestgate.landing.join.LinkGuard;
import io.guestgate.landing.join.LinkPages;
import io.guestgate.landing.join.LinkState;
import io.guestgate.landing.token.GuestTokens;
import io.guestgate.landing.verify.GuestSession;
import io.guestgate.landing.web.Csrf;
import io.guestgate.landing.web.MeetingTime;
import io.guestgate.landing.web.Pages;
import io.guestgate.landing.web.Texts;
import io.guestgate.webex.WebexApiException;
import java.time.Clock;
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
 * The meeting page and the guest token behind it. Both only for the session whose verified identity holds the
 * invitation; the token only in the body of a CSRF-protected POST, never in a URL, a log or the audit trail.
 */
@Controller
class MeetingController {

    private static final Log log = LogFactory.getLog(MeetingController.class);

    private final LinkGuard guard;
    private final LinkPages linkPages;
    private final Pages pages;
    private final GuestSession guestSession;
    private final GuestTokens guestTokens;
    private final InvitationStore invitations;
    private final AuditLog audit;
    private final SandboxProperties sandbox;
    private final LobbyEntry lobbyEntry;
    private final LobbyProperties lobby;
    private final Clock clock;

    MeetingController(
            LinkGuard guard,
            LinkPages linkPages,
            Pages pages,
            GuestSession guestSession,
            GuestTokens guestTokens,
            InvitationStore invitations,
            AuditLog audit,
            SandboxProperties sandbox,
            LobbyEntry lobbyEntry,
            LobbyProperties lobby,
            Clock clock) {
        this.guard = guard;
        this.linkPages = linkPages;
        this.pages = pages;
        this.guestSession = guestSession;
        this.guestTokens = guestTokens;
        this.invitations = invitations;
        this.audit = audit;
        this.sandbox = sandbox;
        this.lobbyEntry = lobbyEntry;
        this.lobby = lobby;
        this.clock = clock;
    }

    @GetMapping("/join/{token}/meeting")
    Mono<Rendering> page(@PathVariable String token, ServerWebExchange exchange) {
        return guard.check(token, exchange, true).flatMap(state -> {
            if (!(state instanceof LinkState.Open open)) {
                return Mono.just(linkPages.closed(state, exchange));
            }
            return exchange.getSession().flatMap(session -> {
                Optional<VerifiedIdentity> identity =
                        holder(guestSession.admitted(session, open.invitation().id()), open.invitation());
                if (identity.isEmpty()) {
                    return Mono.just(Rendering.redirectTo("/join/" + token)
                            .status(HttpStatus.SEE_OTHER)
                            .build());
                }
                Texts.Bundle t = pages.texts(exchange);
                return Csrf.token(exchange)
                        .map(csrf -> pages.view(exchange, "meeting", HttpStatus.OK)
                                .header("Cache-Control", "no-store")
                                .modelAttribute("title", open.meeting().title())
                                .modelAttribute("when", MeetingTime.of(t, open.meeting()))
                                .modelAttribute("displayName", identity.get().displayName())
                                .modelAttribute("sessionUrl", "/join/" + token + "/session")
                                .modelAttribute("statusUrl", "/join/" + token + "/lobby")
                                .modelAttribute("sandboxJoinUrl", sandbox.enabled() ? "/sandbox/meeting/join" : null)
                                .modelAttribute(
                                        "webexLinkAction",
                                        lobby.joinLinks() == LobbyProperties.JoinLinks.OFF
                                                ? null
                                                : "/join/" + token + "/webex-link")
                                .modelAttribute("csrf", csrf)
                                .modelAttribute("csrfHeader", csrf.getHeaderName())
                                .modelAttribute("csrfToken", csrf.getToken())
                                .build());
            });
        });
    }

    @PostMapping("/join/{token}/session")
    @ResponseBody
    Mono<ResponseEntity<Object>> session(@PathVariable String token, ServerWebExchange exchange) {
        return guard.check(token, exchange, true).flatMap(state -> {
            if (!(state instanceof LinkState.Open open)) {
                return Mono.just(refusal(exchange, status(state), "session.closed"));
            }
            Invitation invitation = open.invitation();
            return exchange.getSession().flatMap(session -> {
                Optional<VerifiedIdentity> identity =
                        holder(guestSession.admitted(session, invitation.id()), invitation);
                if (identity.isEmpty()) {
                    return Mono.just(refusal(exchange, HttpStatus.FORBIDDEN, "session.not-verified"));
                }
                String sipAddress = open.meeting().webex().sipAddress();
                if (sipAddress == null || sipAddress.isBlank()) {
                    return Mono.just(refusal(exchange, HttpStatus.SERVICE_UNAVAILABLE, "session.no-destination"));
                }
                VerifiedIdentity guest = identity.get();
                return guestTokens
                        .mint(GuestTokens.subjectFor(invitation.id()), guest.displayName())
                        .flatMap(access -> lobbyEntry
                                .expect(invitation, open.meeting(), access)
                                .then(audit.record(new AuditEvent(
                                        clock.instant(),
                                        "admission",
                                        "admitted",
                                        invitation.meetingId(),
                                        invitation.id(),
                                        guest.issuer() + "#" + guest.subject(),
                                        Map.of("verifiedName", guest.displayName()))))
                                .then(lobbyEntry.password(open.meeting()))
                                .map(password -> ResponseEntity.ok()
                                        .cacheControl(CacheControl.noStore())
                                        .<Object>body(new MeetingSession(
                                                access.accessToken().value(),
                                                sipAddress,
                                                guest.displayName(),
                                                access.expiresAt(),
                                                sandbox.enabled(),
                                                password.orElse(null)))))
                        .onErrorResume(WebexApiException.class, e -> {
                            // The exception's text names status, kind and tracking id only; never the token.
                            log.warn("Webex refused a guest token for invitation " + invitation.id() + ": " + e.kind()
                                    + " " + e.status() + " trackingId=" + e.trackingId());
                            return Mono.just(refusal(exchange, HttpStatus.BAD_GATEWAY, "session.webex-failed"));
                        })
                        .onErrorResume(IllegalStateException.class, e -> {
                            log.warn("Webex did not say who the guest token of invitation " + invitation.id() + " is: "
                                    + e.getMessage());
                            return Mono.just(refusal(exchange, HttpStatus.BAD_GATEWAY, "session.webex-failed"));
                        });
            });
        });
    }

    /** The session's verified identity, if it is the one that holds the invitation now. */
    private static Optional<VerifiedIdentity> holder(Optional<VerifiedIdentity> admitted, Invitation invitation) {
        return admitted.filter(identity -> identity.isSamePersonAs(invitation.identity()));
    }

    private static HttpStatus status(LinkState state) {
        if (state instanceof LinkState.Unknown) {
            return HttpStatus.NOT_FOUND;
        }
        if (state instanceof LinkState.Limited) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        return state instanceof LinkState.TooEarly ? HttpStatus.FORBIDDEN : HttpStatus.GONE;
    }

    private ResponseEntity<Object> refusal(ServerWebExchange exchange, HttpStatus status, String key) {
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .<Object>body(
                        Map.of("error", key, "message", pages.texts(exchange).get(key)));
    }
}
