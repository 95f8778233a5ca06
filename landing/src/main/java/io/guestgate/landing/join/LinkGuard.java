package io.guestgate.landing.join;

import io.guestgate.domain.admission.AdmissionProperties;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.LinkTokens;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.landing.web.Pages;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gate every request on a personal link passes: form check (before anything touches Redis), the limit per
 * client address, the lookup by the token's hash, the limit per invitation, and whether the link is open now.
 */
@Component("landingLinkGuard")
public class LinkGuard {

    private final InvitationStore invitations;
    private final MeetingStore meetings;
    private final RateLimiter limiter;
    private final AdmissionProperties admission;
    private final Clock clock;

    LinkGuard(
            InvitationStore invitations,
            MeetingStore meetings,
            RateLimiter limiter,
            AdmissionProperties admission,
            Clock clock) {
        this.invitations = invitations;
        this.meetings = meetings;
        this.limiter = limiter;
        this.admission = admission;
        this.clock = clock;
    }

    /**
     * Every request counts against the limit of the address it comes from: the socket's, or the client's as the
     * trusted proxies in front say ({@code guestgate.landing.trusted-proxies}, see {@code web.TrustedProxies}).
     *
     * @param countForInvitation false for requests that must not use up the invitation's allowance
     */
    public Mono<LinkState> check(String token, ServerWebExchange exchange, boolean countForInvitation) {
        if (!LinkTokens.isWellFormed(token)) {
            return Mono.just(new LinkState.Unknown());
        }
        return limiter.countAddress(clientAddress(exchange))
                .<LinkState>map(LinkGuard::limited)
                .switchIfEmpty(Mono.defer(() -> invitations
                        .findByToken(token)
                        .doOnNext(invitation -> rememberLanguage(invitation, exchange))
                        .flatMap(invitation -> countForInvitation
                                ? limiter.countInvitation(invitation.id())
                                        .<LinkState>map(LinkGuard::limited)
                                        .switchIfEmpty(Mono.defer(() -> stateOf(invitation)))
                                : stateOf(invitation))
                        .defaultIfEmpty(new LinkState.Unknown())));
    }

    /**
     * For a page that reloads itself while the guest waits (the waiting page): when {@code waitsHere} holds for the
     * link's invitation, nothing is counted, so guests behind one address (a company's NAT) can wait side by side
     * without using up its allowance. How long that lasts is bounded by the wait itself, which took a verified login
     * to start. Any other request is checked and counted as by {@link #check}.
     */
    public Mono<LinkState> recheck(String token, ServerWebExchange exchange, Predicate<Invitation> waitsHere) {
        if (!LinkTokens.isWellFormed(token)) {
            return Mono.just(new LinkState.Unknown());
        }
        return invitations
                .findByToken(token)
                .doOnNext(invitation -> rememberLanguage(invitation, exchange))
                .filter(waitsHere)
                .flatMap(this::stateOf)
                .switchIfEmpty(Mono.defer(() -> check(token, exchange, true)));
    }

    /** The guest's pages follow the language the organizer chose for them, if they did. */
    private static void rememberLanguage(Invitation invitation, ServerWebExchange exchange) {
        if (invitation.invitee().language() != null) {
            exchange.getAttributes()
                    .put(Pages.GUEST_LANGUAGE, invitation.invitee().language());
        }
    }

    private Mono<LinkState> stateOf(Invitation invitation) {
        return meetings.findById(invitation.meetingId())
                .map(meeting -> stateOf(invitation, meeting))
                .defaultIfEmpty(new LinkState.Gone(Optional.empty()));
    }

    private LinkState stateOf(Invitation invitation, Meeting meeting) {
        Instant now = clock.instant();
        if (invitation.isRevoked()
                || meeting.isCancelled()
                || invitation.isExpired(now)
                || !now.isBefore(invitations.linkExpiry(meeting))) {
            return new LinkState.Gone(Optional.of(meeting));
        }
        Instant opensAt = meeting.start().minus(Duration.ofMinutes(admission.openMinutesBeforeStart()));
        if (now.isBefore(opensAt)) {
            return new LinkState.TooEarly(invitation, meeting, opensAt);
        }
        return new LinkState.Open(invitation, meeting);
    }

    private static LinkState limited(Duration wait) {
        return new LinkState.Limited(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
