package io.guestgate.landing.verify;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.server.WebSession;

import io.guestgate.guestlist.crypto.SealBinding;
import io.guestgate.guestlist.crypto.SealingException;
import io.guestgate.guestlist.crypto.TokenSealer;
import io.guestgate.guestlist.invitation.Invitation;
import io.guestgate.guestlist.invitation.VerifiedIdentity;
import io.guestgate.guestlist.redis.Json;

/**
 * What the guest's web session (kept in Redis, so any instance can read it) knows about their way through the
 * landing. Values are JSON strings: they survive a deploy that changes classes, and nothing but strings is ever
 * deserialised from Redis.
 * <p>
 * The personal link token is needed once more after the identity provider sends the guest back, to return to their
 * link; it is kept sealed (AES-GCM, bound to the invitation), so Redis never holds it in the clear.
 */
@Component
public class GuestSession {

    private static final String PENDING_LOGIN = "guestgate.landing.pending-login";
    private static final String ADMITTED = "guestgate.landing.admitted";
    private static final String WAITING = "guestgate.landing.waiting";

    private final TokenSealer sealer;

    GuestSession(TokenSealer sealer) {
        this.sealer = sealer;
    }

    /** The guest is about to leave for the identity provider, on behalf of this invitation only. */
    public void startLogin(WebSession session, Invitation invitation, String linkToken) {
        session.getAttributes().remove(ADMITTED);
        session.getAttributes().remove(WAITING);
        String sealed = sealer.seal(linkToken, binding(invitation.id()));
        session.getAttributes().put(PENDING_LOGIN, Json.write(new PendingLogin(invitation.id(), sealed)));
    }

    /** The link token of the login under way, if there is one and it is intact. */
    public Optional<String> pendingLinkToken(WebSession session) {
        return pendingLogin(session).flatMap(pending -> {
            try {
                return Optional.of(sealer.open(pending.sealedToken(), binding(pending.invitationId())));
            }
            catch (SealingException e) {
                return Optional.empty();
            }
        });
    }

    /** Ends the login under way: true when it was for {@code invitationId}. A login is used for one admission only. */
    public boolean finishLogin(WebSession session, String invitationId) {
        Optional<PendingLogin> pending = pendingLogin(session);
        session.getAttributes().remove(PENDING_LOGIN);
        return pending.map(login -> login.invitationId().equals(invitationId)).orElse(false);
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
        }
        catch (RuntimeException e) {
            // Written by an older version, or tampered with in Redis: treat as absent.
            return Optional.empty();
        }
    }

    private static SealBinding binding(String invitationId) {
        return new SealBinding("landing-link-token", invitationId);
    }

    record PendingLogin(String invitationId, String sealedToken) {
    }

    record Admitted(String invitationId, VerifiedIdentity identity) {
    }

    record Waiting(String invitationId, String requestId) {
    }
}
