package io.guestgate.landing.verify;

import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.invitation.VerifiedIdentity;
import io.guestgate.landing.IdentityProperties;
import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Turns the claims an identity provider vouched for into a {@link VerifiedIdentity}. The claims come from the
 * validated ID token (and user info), never from anything the guest typed.
 */
@Component
public class ClaimMapping {

    private final IdentityProperties properties;

    ClaimMapping(IdentityProperties properties) {
        this.properties = properties;
    }

    /** Empty when the provider did not give a usable name: without one no guest token can carry the verified name. */
    public Optional<VerifiedIdentity> toIdentity(String issuer, String subject, Map<String, Object> claims) {
        IdentityProperties.Claims names = properties.claims();
        Optional<String> displayName = text(claims, names.name())
                .map(ClaimMapping::clean)
                .filter(name -> !name.isEmpty())
                .or(() -> joined(text(claims, names.givenName()), text(claims, names.familyName()))
                        .map(ClaimMapping::clean))
                .filter(name -> !name.isEmpty() && name.length() <= Invitee.MAX_NAME_LENGTH);
        if (displayName.isEmpty() || issuer == null || subject == null) {
            return Optional.empty();
        }
        String email =
                text(claims, names.email()).filter(ClaimMapping::isPlainAddress).orElse(null);
        return Optional.of(new VerifiedIdentity(
                issuer,
                subject,
                displayName.get(),
                email,
                isTrue(claims.get(names.emailVerified())),
                text(claims, names.acr()).orElse(null),
                properties.providerName()));
    }

    public String providerName() {
        return properties.providerName();
    }

    private static Optional<String> joined(Optional<String> given, Optional<String> family) {
        if (given.isEmpty() && family.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((given.orElse("") + " " + family.orElse("")).strip());
    }

    private static Optional<String> text(Map<String, Object> claims, String name) {
        return Optional.ofNullable(claims.get(name))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .map(String::strip)
                .filter(value -> !value.isEmpty());
    }

    /** Providers differ: some send a JSON boolean, some the string "true". */
    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value)
                || (value instanceof String text && text.strip().equalsIgnoreCase("true"));
    }

    /**
     * The name as a guest token, a chat message, a mail and the audit trail get it: Unicode NFKC (full-width letters,
     * ligatures and decomposed accents become the plain composed forms), no control characters (line breaks
     * included), no invisible format characters (bidi controls such as U+202E, which reorder what follows; zero-width
     * characters, which hide inside a name that then looks like another), and single spaces.
     */
    private static String clean(String value) {
        String visible = value.codePoints()
                .filter(cp -> Character.getType(cp) != Character.FORMAT)
                .map(cp -> Character.isISOControl(cp) ? ' ' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return Normalizer.normalize(visible, Normalizer.Form.NFKC)
                .codePoints()
                // NFKC leaves some separators (U+2028, U+2029) as they are; they are white space all the same.
                .map(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? ' ' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip()
                .replaceAll(" +", " ");
    }

    /**
     * An email address is taken as the provider wrote it, for the match policy compares it in its ASCII form only,
     * or not at all: one with control, invisible or white-space characters is no address anyone could be invited
     * under, and it is not passed on to a chat message or a join link.
     */
    private static boolean isPlainAddress(String email) {
        return email.codePoints()
                .noneMatch(cp -> Character.isISOControl(cp)
                        || Character.getType(cp) == Character.FORMAT
                        || Character.isWhitespace(cp)
                        || Character.isSpaceChar(cp));
    }
}
