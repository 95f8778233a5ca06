package io.guestgate.landing.token;

import reactor.core.publisher.Mono;

/**
 * Mints the Webex guest token for an admitted guest, in their verified name. Two implementations, chosen by
 * {@code guestgate.webex.guest.mode}: the Guest Issuer exchange and Service App guests.
 */
public interface GuestTokens {

    /**
     * @param subject     stable per invitation, letters, digits and '-', never an email
     * @param displayName the verified name: the host sees who is really knocking
     */
    Mono<GuestAccess> mint(String subject, String displayName);

    /** The guest subject of an invitation: {@code gg-} + its id. */
    static String subjectFor(String invitationId) {
        if (invitationId == null || !invitationId.matches("[A-Za-z0-9-]{1,100}")) {
            throw new IllegalArgumentException("An invitation id is letters, digits and '-'");
        }
        return "gg-" + invitationId;
    }
}
