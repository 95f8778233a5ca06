package io.guestgate.landing.admission;

import io.guestgate.domain.admission.AdmissionProperties;
import io.guestgate.domain.approval.ApprovalStore;
import io.guestgate.domain.invitation.VerifiedIdentity;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.landing.IdentityProperties;
import io.guestgate.landing.join.LinkGuard;
import io.guestgate.landing.join.LinkPages;
import io.guestgate.landing.join.LinkState;
import io.guestgate.landing.verify.ClaimMapping;
import io.guestgate.landing.verify.GuestSession;
import io.guestgate.landing.web.NextStep;
import io.guestgate.landing.web.Pages;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The step after the identity provider: match, bind, or ask the organizer and wait. A login counts for the
 * invitation it was started from, once.
 */
@Controller
class AdmissionController {

    /**
     * Refusals a fresh attempt can turn around: the guest confirms their email at the provider, or signs in there
     * more strongly. Any other refusal (someone else's invitation, or one already in use) only the organizer can.
     */
    private static final Set<String> FRESH_ATTEMPT_HELPS =
            Set.of(MatchResult.Reason.EMAIL_NOT_VERIFIED.code(), MatchResult.Reason.ASSURANCE_TOO_LOW.code());

    private final LinkGuard guard;
    private final LinkPages linkPages;
    private final Pages pages;
    private final GuestSession guestSession;
    private final ClaimMapping claims;
    private final IdentityProperties identityProperties;
    private final AdmissionService admission;
    private final ApprovalStore approvals;
    private final AdmissionProperties properties;

    AdmissionController(
            LinkGuard guard,
            LinkPages linkPages,
            Pages pages,
            GuestSession guestSession,
            ClaimMapping claims,
            IdentityProperties identityProperties,
            AdmissionService admission,
            ApprovalStore approvals,
            AdmissionProperties properties) {
        this.guard = guard;
        this.linkPages = linkPages;
        this.pages = pages;
        this.guestSession = guestSession;
        this.claims = claims;
        this.identityProperties = identityProperties;
        this.admission = admission;
        this.approvals = approvals;
        this.properties = properties;
    }

    @GetMapping("/join/{token}/admission")
    Mono<Rendering> admission(@PathVariable String token, ServerWebExchange exchange) {
        return guard.check(token, exchange, true).flatMap(state -> {
            if (!(state instanceof LinkState.Open open)) {
                return Mono.just(linkPages.closed(state, exchange));
            }
            return exchange.getSession()
                    .flatMap(session -> exchange.getPrincipal()
                            .map(principal -> verifiedIdentity(principal))
                            .defaultIfEmpty(Optional.empty())
                            .flatMap(identity -> {
                                String invitationId = open.invitation().id();
                                boolean loginForThisInvitation = guestSession.finishLogin(session, invitationId);
                                if (!loginForThisInvitation || identity.isEmpty()) {
                                    return Mono.just(
                                            resume(session, token, invitationId, exchange, loginForThisInvitation));
                                }
                                return admission
                                        .verified(open.meeting(), open.invitation(), identity.get())
                                        .map(outcome -> render(
                                                outcome, session, token, open.meeting(), invitationId, exchange));
                            }));
        });
    }

    /**
     * Reloads itself every {@code approval-poll-interval} while the guest waits. Those reloads count against no rate
     * limit: guests behind one address must be able to wait side by side.
     */
    @GetMapping("/join/{token}/waiting")
    Mono<Rendering> waiting(@PathVariable String token, ServerWebExchange exchange) {
        return exchange.getSession()
                .flatMap(session -> guard.recheck(
                                token,
                                exchange,
                                invitation -> guestSession
                                        .awaitedRequest(session, invitation.id())
                                        .isPresent())
                        .flatMap(state -> {
                            if (!(state instanceof LinkState.Open open)) {
                                return Mono.just(linkPages.closed(state, exchange));
                            }
                            String invitationId = open.invitation().id();
                            Optional<String> requestId = guestSession.awaitedRequest(session, invitationId);
                            if (requestId.isEmpty()) {
                                return Mono.just(resume(session, token, invitationId, exchange, false));
                            }
                            return approvals
                                    .find(requestId.get())
                                    .filter(request -> request.invitationId().equals(invitationId))
                                    .flatMap(request -> admission.answered(open.meeting(), open.invitation(), request))
                                    .defaultIfEmpty(new AdmissionOutcome.TimedOut())
                                    .map(outcome ->
                                            render(outcome, session, token, open.meeting(), invitationId, exchange));
                        }));
    }

    private Rendering render(
            AdmissionOutcome outcome,
            WebSession session,
            String token,
            Meeting meeting,
            String invitationId,
            ServerWebExchange exchange) {
        if (outcome instanceof AdmissionOutcome.Admitted admitted) {
            guestSession.admit(session, invitationId, admitted.identity());
            return seeOther("/join/" + token + "/meeting");
        }
        if (outcome instanceof AdmissionOutcome.Waiting waiting) {
            guestSession.await(session, invitationId, waiting.request().id());
            return exchange.getRequest().getPath().value().endsWith("/waiting")
                    ? pages.view(exchange, "waiting", HttpStatus.OK)
                            .modelAttribute(
                                    "refreshSeconds",
                                    properties.approvalPollInterval().toSeconds())
                            .build()
                    : seeOther("/join/" + token + "/waiting");
        }
        NextStep startAgain = NextStep.startAgain(token);
        NextStep askOrganizer = NextStep.askOrganizer(meeting);
        if (outcome instanceof AdmissionOutcome.Gone) {
            return pages.message(exchange, HttpStatus.GONE, askOrganizer, "link.gone");
        }
        if (outcome instanceof AdmissionOutcome.OrganizerUnreachable) {
            return pages.message(exchange, HttpStatus.SERVICE_UNAVAILABLE, startAgain, "admission.unreachable");
        }
        guestSession.stopWaiting(session);
        if (outcome instanceof AdmissionOutcome.Refused refused) {
            return pages.message(
                    exchange,
                    HttpStatus.FORBIDDEN,
                    FRESH_ATTEMPT_HELPS.contains(refused.reason()) ? startAgain : askOrganizer,
                    "admission.refused." + refused.reason(),
                    claims.providerName());
        }
        if (outcome instanceof AdmissionOutcome.Denied) {
            return pages.message(exchange, HttpStatus.FORBIDDEN, askOrganizer, "admission.denied");
        }
        // Not 408: browsers answer a 408 by sending the request again, which would find the wait over and show
        // "please start from your invitation" instead of this page.
        return pages.message(exchange, HttpStatus.FORBIDDEN, startAgain, "admission.timeout");
    }

    /** No fresh login for this invitation: carry on where this session stands, or start over from the link. */
    private Rendering resume(
            WebSession session,
            String token,
            String invitationId,
            ServerWebExchange exchange,
            boolean loginWithoutIdentity) {
        if (guestSession.admitted(session, invitationId).isPresent()) {
            return seeOther("/join/" + token + "/meeting");
        }
        if (guestSession.awaitedRequest(session, invitationId).isPresent()) {
            return seeOther("/join/" + token + "/waiting");
        }
        return pages.message(
                exchange,
                HttpStatus.BAD_REQUEST,
                NextStep.startAgain(token),
                loginWithoutIdentity ? "admission.no-identity" : "login.unfinished",
                claims.providerName());
    }

    private Optional<VerifiedIdentity> verifiedIdentity(java.security.Principal principal) {
        if (principal instanceof OAuth2AuthenticationToken login
                && identityProperties.registrationId().equals(login.getAuthorizedClientRegistrationId())
                && login.getPrincipal() instanceof OidcUser user
                && user.getIdToken().getIssuer() != null) {
            return claims.toIdentity(user.getIdToken().getIssuer().toString(), user.getSubject(), user.getClaims());
        }
        return Optional.empty();
    }

    private static Rendering seeOther(String location) {
        return Rendering.redirectTo(location).status(HttpStatus.SEE_OTHER).build();
    }
}
