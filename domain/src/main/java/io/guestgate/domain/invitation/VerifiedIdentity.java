package io.guestgate.domain.invitation;

import java.util.Objects;

/**
 * Who the identity provider vouched for. {@code issuer} + {@code subject} identify the person; the rest is what they
 * were verified as.
 *
 * @param provider      a label for people, e.g. "ich.app"
 * @param acr           the level of assurance the provider reported, if any
 */
public record VerifiedIdentity(
        String issuer,
        String subject,
        String displayName,
        String email,
        boolean emailVerified,
        String acr,
        String provider) {

    public VerifiedIdentity {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(displayName, "displayName");
    }

    /** Same person: same issuer and subject, whatever else changed. */
    public boolean isSamePersonAs(VerifiedIdentity other) {
        return other != null && issuer.equals(other.issuer) && subject.equals(other.subject);
    }
}
