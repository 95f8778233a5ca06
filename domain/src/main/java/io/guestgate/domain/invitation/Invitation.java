package io.guestgate.domain.invitation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One guest's invitation to one meeting. The link token is not here: only its SHA-256 is stored, elsewhere.
 *
 * @param id        {@code <meetingId>-<random>}: letters, digits and '-', so it can be a Webex guest subject
 * @param identity  the first identity that verified for this invitation, or null while none has
 * @param expiresAt when its links stop working: the meeting end plus a grace period
 * @param webexGuest the Webex identity of the last guest token minted for the verified guest, or null before one was
 * @param linkGeneration raised when the organizer sends the guest a new link: tokens issued under an earlier one no
 *                  longer open the invitation
 * @param version   raised on every write; writes compare it, so concurrent changes never overwrite each other
 */
public record Invitation(
        String id,
        String meetingId,
        Invitee invitee,
        InvitationStatus status,
        DeliveryStatus delivery,
        String deliveryDetail,
        VerifiedIdentity identity,
        Instant createdAt,
        Instant expiresAt,
        WebexGuest webexGuest,
        int linkGeneration,
        long version) {

    public Invitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(invitee, "invitee");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!id.startsWith(meetingId + "-")) {
            throw new IllegalArgumentException("An invitation id starts with its meeting id");
        }
    }

    static Invitation create(String id, String meetingId, Invitee invitee, Instant now, Instant expiresAt) {
        return new Invitation(
                id,
                meetingId,
                invitee,
                InvitationStatus.INVITED,
                DeliveryStatus.PENDING,
                null,
                null,
                now,
                expiresAt,
                null,
                0,
                0);
    }

    /** The meeting id encoded in an invitation id, if it has the right form. */
    public static Optional<String> meetingIdOf(String invitationId) {
        if (invitationId == null || !invitationId.matches("[a-z0-9]{1,40}-[a-z0-9]{1,40}")) {
            return Optional.empty();
        }
        return Optional.of(invitationId.substring(0, invitationId.indexOf('-')));
    }

    @JsonIgnore
    public Optional<VerifiedIdentity> boundIdentity() {
        return Optional.ofNullable(identity);
    }

    @JsonIgnore
    public boolean isRevoked() {
        return status == InvitationStatus.REVOKED;
    }

    @JsonIgnore
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public Invitation withStatus(InvitationStatus newStatus) {
        return new Invitation(
                id,
                meetingId,
                invitee,
                newStatus,
                delivery,
                deliveryDetail,
                identity,
                createdAt,
                expiresAt,
                webexGuest,
                linkGeneration,
                version);
    }

    public Invitation withDelivery(DeliveryStatus newDelivery, String detail) {
        return new Invitation(
                id,
                meetingId,
                invitee,
                status,
                newDelivery,
                detail,
                identity,
                createdAt,
                expiresAt,
                webexGuest,
                linkGeneration,
                version);
    }

    public Invitation withIdentity(VerifiedIdentity newIdentity) {
        return new Invitation(
                id,
                meetingId,
                invitee,
                status,
                delivery,
                deliveryDetail,
                newIdentity,
                createdAt,
                expiresAt,
                webexGuest,
                linkGeneration,
                version);
    }

    public Invitation withInvitee(Invitee newInvitee) {
        return new Invitation(
                id,
                meetingId,
                newInvitee,
                status,
                delivery,
                deliveryDetail,
                identity,
                createdAt,
                expiresAt,
                webexGuest,
                linkGeneration,
                version);
    }

    public Invitation withExpiresAt(Instant newExpiresAt) {
        return new Invitation(
                id,
                meetingId,
                invitee,
                status,
                delivery,
                deliveryDetail,
                identity,
                createdAt,
                newExpiresAt,
                webexGuest,
                linkGeneration,
                version);
    }

    public Invitation withWebexGuest(WebexGuest newWebexGuest) {
        return new Invitation(
                id,
                meetingId,
                invitee,
                status,
                delivery,
                deliveryDetail,
                identity,
                createdAt,
                expiresAt,
                newWebexGuest,
                linkGeneration,
                version);
    }

    /** The same invitation under a new link generation: every link issued before stops opening it. */
    public Invitation withNewLinks() {
        return new Invitation(
                id,
                meetingId,
                invitee,
                status,
                delivery,
                deliveryDetail,
                identity,
                createdAt,
                expiresAt,
                webexGuest,
                linkGeneration + 1,
                version);
    }

    Invitation nextVersion() {
        return new Invitation(
                id,
                meetingId,
                invitee,
                status,
                delivery,
                deliveryDetail,
                identity,
                createdAt,
                expiresAt,
                webexGuest,
                linkGeneration,
                version + 1);
    }
}
