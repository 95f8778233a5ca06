package io.guestgate.landing.meeting;

import io.guestgate.domain.account.OrganizerTokens;
import io.guestgate.domain.account.TokenResult;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStatus;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.WebexGuest;
import io.guestgate.domain.lobby.GuestAtTheDoor;
import io.guestgate.domain.lobby.GuestState;
import io.guestgate.domain.lobby.LobbyProperties;
import io.guestgate.domain.lobby.LobbyStore;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.landing.token.GuestAccess;
import io.guestgate.webex.WebexApiException;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.meetings.MeetingPassword;
import io.guestgate.webex.oauth.AccessToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends a verified guest to the door. Once a guest token is minted, Webex is asked who that token is
 * ({@code GET /people/me}); that identity, which GuestGate's issuer or Service App created and nobody can type into a
 * name field, is recorded on the invitation, and the meeting's lobby is watched until the guest is in. The door (in
 * the bot) then admits exactly that identity.
 */
@Component
class LobbyEntry {

    private static final Log log = LogFactory.getLog(LobbyEntry.class);

    private final WebexClient webex;
    private final InvitationStore invitations;
    private final LobbyStore lobby;
    private final LobbyProperties properties;
    private final OrganizerTokens organizerTokens;
    private final Clock clock;

    LobbyEntry(
            WebexClient webex,
            InvitationStore invitations,
            LobbyStore lobby,
            LobbyProperties properties,
            OrganizerTokens organizerTokens,
            Clock clock) {
        this.webex = webex;
        this.invitations = invitations;
        this.lobby = lobby;
        this.properties = properties;
        this.organizerTokens = organizerTokens;
        this.clock = clock;
    }

    /**
     * Records who the minted token is at Webex on the invitation (marking it admitted) and expects the guest at the
     * door. Errors when Webex cannot say: without that identity the door could not tell the guest from a stranger.
     */
    Mono<Invitation> expect(Invitation invitation, Meeting meeting, GuestAccess access) {
        return webex.people()
                .me(access.accessToken())
                .flatMap(person -> person.primaryEmail() == null || person.orgId() == null
                        ? Mono.error(new IllegalStateException("Webex named no email or org for a guest token"))
                        : Mono.just(new WebexGuest(person.id(), person.primaryEmail(), person.orgId())))
                // Recorded even on an invitation withdrawn meanwhile: the door then knows whom it refuses.
                .flatMap(guest -> invitations.update(
                        invitation.id(),
                        current -> current.isRevoked()
                                ? current.withWebexGuest(guest)
                                : current.withStatus(InvitationStatus.ADMITTED).withWebexGuest(guest)))
                .flatMap(updated -> {
                    Instant now = clock.instant();
                    return lobby.putGuest(
                                    meeting.id(),
                                    updated.id(),
                                    new GuestAtTheDoor(GuestState.CONNECTING, null, now),
                                    invitations.linkExpiry(meeting))
                            .then(lobby.watch(meeting.id(), now.plus(properties.pollFor())))
                            .thenReturn(updated);
                });
    }

    /**
     * The password the meeting asks guests for, read with the host's token; empty when it asks none, or when it
     * cannot be read now (then the widget asks the guest, and the lobby is still the door).
     */
    Mono<Optional<String>> password(Meeting meeting) {
        String host = meeting.organizer().personId();
        return organizerTokens
                .validAccessToken(host)
                .flatMap(result -> result instanceof TokenResult.Token token
                        ? webex.meetings()
                                .password(
                                        AccessToken.of(token.accessToken()),
                                        meeting.webex().id())
                                .map(MeetingPassword::needed)
                        : Mono.just(Optional.<String>empty()))
                .onErrorResume(e -> {
                    String why = e instanceof WebexApiException w
                            ? w.kind() + " " + w.status()
                            : e.getClass().getSimpleName();
                    log.warn("Could not read the password of meeting " + meeting.id() + " for its guest: " + why);
                    return Mono.just(Optional.empty());
                })
                .defaultIfEmpty(Optional.empty());
    }
}
