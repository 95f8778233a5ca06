package io.guestgate.landing.admission;

import io.guestgate.domain.admission.AdmissionProperties;
import io.guestgate.domain.approval.ApprovalRequest;
import io.guestgate.domain.approval.ApprovalStatus;
import io.guestgate.domain.approval.ApprovalStore;
import io.guestgate.domain.approval.Opening;
import io.guestgate.domain.audit.AuditEvent;
import io.guestgate.domain.audit.AuditLog;
import io.guestgate.domain.invitation.BindResult;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.VerifiedIdentity;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.webex.WebexApiException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Decides whether a verified identity may use an invitation: match policy, binding to the first verified identity,
 * the organizer's answer under host approval. Every decision is audited and the organizer is told.
 */
@Service
class AdmissionService {

    private static final Log log = LogFactory.getLog(AdmissionService.class);

    static final String HELD_BY_ANOTHER = "held-by-another";

    private final IdentityMatcher matcher;
    private final InvitationStore invitations;
    private final ApprovalStore approvals;
    private final OrganizerNotifications organizer;
    private final AuditLog audit;
    private final AdmissionProperties properties;
    private final Clock clock;

    AdmissionService(
            AdmissionProperties properties,
            InvitationStore invitations,
            ApprovalStore approvals,
            OrganizerNotifications organizer,
            AuditLog audit,
            Clock clock) {
        this.matcher = new IdentityMatcher(properties.matchPolicy(), properties.requiredAcr());
        this.invitations = invitations;
        this.approvals = approvals;
        this.organizer = organizer;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The guest just came back from the identity provider as {@code identity}. */
    Mono<AdmissionOutcome> verified(Meeting meeting, Invitation invitation, VerifiedIdentity identity) {
        if (invitation.invitee().hostApproval()) {
            // The organizer admits this guest themselves ("add … with approval"): the card shows whom the provider
            // verified, at which level, and the organizer decides.
            return askOrganizer(meeting, invitation, identity);
        }
        MatchResult result = matcher.match(invitation.invitee(), identity);
        if (result instanceof MatchResult.Mismatch mismatch) {
            return refuse(meeting, invitation, identity, mismatch.reason().code());
        }
        return result instanceof MatchResult.AskOrganizer
                ? askOrganizer(meeting, invitation, identity)
                : bind(meeting, invitation, identity);
    }

    /** The waiting guest asks whether the organizer answered. */
    Mono<AdmissionOutcome> answered(Meeting meeting, Invitation invitation, ApprovalRequest request) {
        if (request.status() == ApprovalStatus.ADMITTED) {
            return bind(meeting, invitation, request.identity());
        }
        if (request.status() == ApprovalStatus.DENIED) {
            return Mono.just(new AdmissionOutcome.Denied());
        }
        if (request.isTimedOut(clock.instant())) {
            return record(meeting, invitation, request.identity(), "timed-out", Map.of())
                    .thenReturn(new AdmissionOutcome.TimedOut());
        }
        return Mono.just(new AdmissionOutcome.Waiting(request));
    }

    private Mono<AdmissionOutcome> askOrganizer(Meeting meeting, Invitation invitation, VerifiedIdentity identity) {
        if (invitation.identity() != null) {
            // The organizer admitted someone for this link before: that person returns without asking again,
            // anyone else is refused.
            return invitation.identity().isSamePersonAs(identity)
                    ? bind(meeting, invitation, identity)
                    : refuse(meeting, invitation, identity, HELD_BY_ANOTHER);
        }
        return approvals
                .openOnce(invitation, meeting, identity, properties.approvalTimeout())
                .flatMap(opening -> opening instanceof Opening.AlreadyOpen open
                        ? waitAgain(meeting, invitation, identity, open.request())
                        : ask(meeting, invitation, identity, opening.request()));
    }

    private Mono<AdmissionOutcome> ask(
            Meeting meeting, Invitation invitation, VerifiedIdentity identity, ApprovalRequest request) {
        return organizer
                .askToAdmit(meeting, invitation, request)
                .then(record(meeting, invitation, identity, "awaiting-organizer", Map.of()))
                .thenReturn((AdmissionOutcome) new AdmissionOutcome.Waiting(request))
                .onErrorResume(WebexApiException.class, e -> {
                    // Ids, status and tracking id only: the exception never carries a token.
                    log.warn("Could not ask the organizer of meeting " + meeting.id() + " about invitation "
                            + invitation.id() + ": " + e.kind() + " " + e.status() + " trackingId=" + e.trackingId());
                    // Nobody was asked: the next attempt must open a request (and send a card) of its own.
                    return approvals
                            .withdraw(request)
                            .then(record(meeting, invitation, identity, "organizer-unreachable", Map.of()))
                            .thenReturn(new AdmissionOutcome.OrganizerUnreachable());
                });
    }

    /**
     * One open card per invitation. The person it is about waits on it again, from any device: the organizer is not
     * asked twice, and their answer stays about exactly what the card shows. Anyone else is refused while it is open,
     * so the card never changes hands under the organizer's finger. (Webex cannot edit a message with a card anyway:
     * {@code PUT /messages/{id}} answers 400 for those.)
     */
    private Mono<AdmissionOutcome> waitAgain(
            Meeting meeting, Invitation invitation, VerifiedIdentity identity, ApprovalRequest open) {
        if (!open.identity().isSamePersonAs(identity)) {
            return refuse(meeting, invitation, identity, HELD_BY_ANOTHER);
        }
        return record(meeting, invitation, identity, "awaiting-organizer", Map.of("again", "true"))
                .thenReturn(new AdmissionOutcome.Waiting(open));
    }

    private Mono<AdmissionOutcome> bind(Meeting meeting, Invitation invitation, VerifiedIdentity identity) {
        return invitations
                .bind(invitation.id(), identity)
                .flatMap(result -> {
                    if (result instanceof BindResult.Bound bound) {
                        return record(
                                        meeting,
                                        invitation,
                                        identity,
                                        "verified",
                                        Map.of("firstTime", Boolean.toString(bound.firstTime())))
                                .then(organizer.joining(meeting, invitation, identity))
                                .thenReturn((AdmissionOutcome) new AdmissionOutcome.Admitted(identity));
                    }
                    if (result instanceof BindResult.HeldByAnother) {
                        return refuse(meeting, invitation, identity, HELD_BY_ANOTHER);
                    }
                    return Mono.just((AdmissionOutcome) new AdmissionOutcome.Gone());
                })
                .defaultIfEmpty(new AdmissionOutcome.Gone());
    }

    private Mono<AdmissionOutcome> refuse(
            Meeting meeting, Invitation invitation, VerifiedIdentity identity, String reason) {
        return record(meeting, invitation, identity, "refused", Map.of("reason", reason))
                .then(organizer.refused(meeting, invitation, identity, reason))
                .thenReturn(new AdmissionOutcome.Refused(reason));
    }

    private Mono<Void> record(
            Meeting meeting,
            Invitation invitation,
            VerifiedIdentity identity,
            String outcome,
            Map<String, String> extra) {
        Map<String, String> details = new LinkedHashMap<>(extra);
        details.put("verifiedName", identity.displayName());
        details.put("provider", identity.provider() == null ? "" : identity.provider());
        if (identity.acr() != null) {
            details.put("acr", identity.acr());
        }
        details.put(
                "policy",
                invitation.invitee().hostApproval()
                        ? "host-approval (this guest)"
                        : properties.matchPolicy().name().toLowerCase(java.util.Locale.ROOT));
        return audit.record(new AuditEvent(
                        clock.instant(),
                        "verification",
                        outcome,
                        meeting.id(),
                        invitation.id(),
                        identity.issuer() + "#" + identity.subject(),
                        details))
                .then();
    }
}
