package io.guestgate.landing.verify;

import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.VerifiedIdentity;
import io.guestgate.platform.crypto.SealBinding;
import io.guestgate.platform.crypto.SealingException;
import io.guestgate.platform.crypto.TokenSealer;
import io.guestgate.platform.redis.Json;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.server.WebSession;

/**
 * What the guest's web session (kept in Redis, so any instance can read it) knows about their way through the
 * landing. Values are JSON strings: they survive a deploy that changes classes, and nothing but strings is ever
 * deserialised from Redis.
 * <p>
 * The personal link token is needed once more after the identity provider sends the guest back, to return to their
 * link; it is kept sealed (AES-GCM, bound to the invitation), so Redis never holds it in the clear.
 * <p>
 * A login lives inside the pending login that started it: the provider's answer is recorded on it (only the verified
 * identity, never a token), a new "Verify" replaces it, and the admission step consumes it. So a login counts for
 * the invitation it was started from, once.
 */
@Component
public class GuestSession {

    private static final String PENDING_LOGIN = "guestgate.landing.pending-login";
    private static final String ADMITTED = "guestgate.landing.admitted";
    private static final String WAITING = "guestgate.landing.waiting";
    private static final String LINK = "guestgate.landing.link";

    private final TokenSealer sealer;

    GuestSession(TokenSealer sealer) {
        this.sealer = sealer;
    }

    /**
     * The guest is about to leave for the identity provider, on behalf of this invitation only. Whatever login this
     * session held before is gone: only the provider's answer to this login can count.
     */
    public void startLogin(WebSession session, Invitation invitation, String linkToken) {
        session.getAttributes().remove(ADMITTED);
        session.getAttributes().remove(WAITING);
        String sealed = sealer.seal(linkToken, binding(invitation.id()));
        session.getAttributes().put(PENDING_LOGIN, Json.write(new PendingLogin(invitation.id(), sealed, null)));
        session.getAttributes().put(LINK, Json.write(new Link(invitation.id(), sealed)));
    }

    /**
     * The personal link this session last pressed "Verify" on, kept past the login: a login that fails later (the
     * browser's Back button to the provider's form, a replayed answer) can still lead back to it.
     */
    public Optional<String> lastLinkToken(WebSession session) {
        return read(session, LINK, Link.class).flatMap(link -> open(link.sealedToken(), link.invitationId()));
    }

    /**
     * The identity provider answered the login under way: {@code identity} is who it vouched for, empty when its
     * claims name nobody GuestGate can use. Without a login under way (nobody pressed "Verify") nothing is recorded.
     */
    void completeLogin(WebSession session, String registrationId, Optional<VerifiedIdentity> identity) {
        pendingLogin(session)
                .ifPresent(pending -> session.getAttributes()
                        .put(
                                PENDING_LOGIN,
                                Json.write(new PendingLogin(
                                        pending.invitationId(),
                                        pending.sealedToken(),
                                        new Login(registrationId, identity.orElse(null))))));
    }

    /** Takes back the provider's answer to the login under way, if any; the login itself stays under way. */
    void forgetLogin(WebSession session) {
        pendingLogin(session)
                .filter(pending -> pending.login() != null)
                .ifPresent(pending -> session.getAttributes()
                        .put(
                                PENDING_LOGIN,
                                Json.write(new PendingLogin(pending.invitationId(), pending.sealedToken(), null))));
    }

    /** Who the provider vouched for in answer to the login under way, if it answered and named someone. */
    Optional<Login> verifiedLogin(WebSession session) {
        return pendingLogin(session).map(PendingLogin::login).filter(login -> login.identity() != null);
    }

    /** The link token of the login under way, if there is one and it is intact. */
    public Optional<String> pendingLinkToken(WebSession session) {
        return pendingLogin(session).flatMap(pending -> open(pending.sealedToken(), pending.invitationId()));
    }

    private Optional<String> open(String sealedToken, String invitationId) {
        try {
            return Optional.of(sealer.open(sealedToken, binding(invitationId)));
        } catch (SealingException e) {
            return Optional.empty();
        }
    }

    /**
     * Ends the login under way: true when it was for {@code invitationId} and the identity provider has answered it.
     * A login is used for one admission only.
     */
    public boolean finishLogin(WebSession session, String invitationId) {
        Optional<PendingLogin> pending = pendingLogin(session);
        session.getAttributes().remove(PENDING_LOGIN);
        return pending.filter(login -> login.login() != null)
                .map(login -> login.invitationId().equals(invitationId))
                .orElse(false);
    }

    /** The guest verified and matched: from now on this session may open the meeting of this invitation. */
    public void admit(WebSession session, String invitationId, VerifiedIdentity identity) {
        session.getAttributes().remove(WAITING);
        session.getAttributes().put(ADMITTED, Json.write(new Admitted(invitationId, identity)));
    }

    public Optional<VerifiedIdentity> admitted(WebSession session, String invitationId) {
        return read(session, ADMITTED, Admitted.class)
                .filter(admitted -> admitted.invitationId().equals(invitationId))
                .map(Admitted::identity);
    }

    /** The guest waits for the organizer's answer to {@code requestId}. */
    public void await(WebSession session, String invitationId, String requestId) {
        session.getAttributes().put(WAITING, Json.write(new Waiting(invitationId, requestId)));
    }

    public Optional<String> awaitedRequest(WebSession session, String invitationId) {
        return read(session, WAITING, Waiting.class)
                .filter(waiting -> waiting.invitationId().equals(invitationId))
                .map(Waiting::requestId);
    }

    public void stopWaiting(WebSession session) {
        session.getAttributes().remove(WAITING);
    }

    private Optional<PendingLogin> pendingLogin(WebSession session) {
        return read(session, PENDING_LOGIN, PendingLogin.class);
    }

    private static <T> Optional<T> read(WebSession session, String attribute, Class<T> type) {
        Object value = session.getAttributes().get(attribute);
        if (!(value instanceof String json)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.read(json, type));
        } catch (RuntimeException e) {
            // Written by an older version, or tampered with in Redis: treat as absent.
            return Optional.empty();
        }
    }

    private static SealBinding binding(String invitationId) {
        return new SealBinding("landing-link-token", invitationId);
    }

    /** @param login the identity provider's answer; null while the guest is still on their way there */
    record PendingLogin(String invitationId, String sealedToken, Login login) {}

    /**
     * What is kept of the identity provider's answer: the client registration it came through and the verified
     * identity (name, email, {@code iss}, {@code sub}, {@code acr}); no token and no other claim.
     *
     * @param identity null when the provider's claims named nobody GuestGate can use
     */
    record Login(String registrationId, VerifiedIdentity identity) {}

    record Admitted(String invitationId, VerifiedIdentity identity) {}

    record Waiting(String invitationId, String requestId) {}

    /** The personal link of the last "Verify", sealed like the pending login's. */
    record Link(String invitationId, String sealedToken) {}
}
