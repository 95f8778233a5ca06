package io.guestgate.landing.admission;

import io.guestgate.domain.admission.MatchPolicy;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.invitation.VerifiedIdentity;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Compares what the identity provider verified with whom the organizer invited. Pure: no I/O, no clock. */
public final class IdentityMatcher {

    private final MatchPolicy policy;
    private final List<String> requiredAcr;

    public IdentityMatcher(MatchPolicy policy, List<String> requiredAcr) {
        this.policy = policy;
        this.requiredAcr = List.copyOf(requiredAcr);
    }

    public MatchResult match(Invitee invitee, VerifiedIdentity identity) {
        if (!requiredAcr.isEmpty() && (identity.acr() == null || !requiredAcr.contains(identity.acr()))) {
            return new MatchResult.Mismatch(MatchResult.Reason.ASSURANCE_TOO_LOW);
        }
        return switch (policy) {
            case EMAIL -> matchEmail(invitee, identity);
            case NAME ->
                sameName(invitee.name(), identity.displayName())
                        ? new MatchResult.Match()
                        : new MatchResult.Mismatch(MatchResult.Reason.NAME_DIFFERS);
            case HOST_APPROVAL -> new MatchResult.AskOrganizer();
        };
    }

    private static MatchResult matchEmail(Invitee invitee, VerifiedIdentity identity) {
        if (!identity.emailVerified() || identity.email() == null) {
            return new MatchResult.Mismatch(MatchResult.Reason.EMAIL_NOT_VERIFIED);
        }
        // Compared in their ASCII form only: no Unicode case folding can make another address match.
        Optional<String> verified = Invitee.asciiEmail(identity.email());
        return verified.isPresent() && verified.equals(invitee.asciiEmail())
                ? new MatchResult.Match()
                : new MatchResult.Mismatch(MatchResult.Reason.EMAIL_DIFFERS);
    }

    /** The same name after normalising both (see {@link #normalizeName}); also for telling organizers of a difference. */
    public static boolean sameName(String invited, String verified) {
        return verified != null && normalizeName(invited).equals(normalizeName(verified));
    }

    /**
     * NFKC, then case folding, then NFKC again (folding can produce sequences that compose differently), with runs
     * of white space collapsed. Java has no full case fold; upper-then-lower casing in the root locale folds the cases
     * names need (e.g. "ß" and "SS", Greek final sigma) without a locale's special rules (Turkish dotless i).
     */
    static String normalizeName(String name) {
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
        String folded = compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
    }
}
