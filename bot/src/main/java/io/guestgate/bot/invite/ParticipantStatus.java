package io.guestgate.bot.invite;

import io.guestgate.bot.i18n.Language;
import io.guestgate.domain.invitation.DeliveryStatus;
import io.guestgate.domain.invitation.Invitation;

/**
 * One word for where a guest stands, for {@code show}: invited, delivered, failed, verified, admitted or withdrawn.
 * The identity steps win over the mail: a guest who verified got the mail.
 */
public enum ParticipantStatus {
    INVITED("invited"),
    DELIVERED("delivered"),
    FAILED("failed"),
    VERIFIED("verified"),
    ADMITTED("admitted"),
    REVOKED("revoked");

    private final String key;

    ParticipantStatus(String key) {
        this.key = key;
    }

    public static ParticipantStatus of(Invitation invitation) {
        return switch (invitation.status()) {
            case REVOKED -> REVOKED;
            case ADMITTED -> ADMITTED;
            case VERIFIED -> VERIFIED;
            case INVITED ->
                invitation.delivery() == DeliveryStatus.DELIVERED
                        ? DELIVERED
                        : invitation.delivery() == DeliveryStatus.FAILED ? FAILED : INVITED;
        };
    }

    /** The status in words, e.g. "invitation delivered" / "Einladung zugestellt". */
    public String label(Language language) {
        return ChatTexts.text(language, "status." + key);
    }

    /** Shortcut for {@code show}: the guest's status in words. */
    public static String label(Language language, Invitation invitation) {
        return of(invitation).label(language);
    }
}
