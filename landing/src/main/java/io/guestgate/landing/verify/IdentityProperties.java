package io.guestgate.landing.verify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which identity provider guests verify with, and how its claims map onto a verified identity. The defaults are the
 * ich.app profile; any OpenID Connect provider works by changing the claim names.
 *
 * @param registrationId the Spring Security client registration ({@code spring.security.oauth2.client.registration.*})
 * @param providerName   the provider's name as guests and organizers read it, e.g. on the button and in chat
 * @param claims         the claim names to read
 */
@ConfigurationProperties("guestgate.identity")
public record IdentityProperties(
        @DefaultValue("ichapp") String registrationId,
        @DefaultValue("ich.app") String providerName,
        @DefaultValue Claims claims) {

    public IdentityProperties {
        requireText("guestgate.identity.registration-id", registrationId);
        requireText("guestgate.identity.provider-name", providerName);
    }

    /**
     * @param name          the full name; when absent or blank, {@code givenName} + " " + {@code familyName}
     * @param emailVerified a boolean (or "true"/"false") claim
     * @param acr           the level of assurance
     */
    public record Claims(
            @DefaultValue("name") String name,
            @DefaultValue("given_name") String givenName,
            @DefaultValue("family_name") String familyName,
            @DefaultValue("email") String email,
            @DefaultValue("email_verified") String emailVerified,
            @DefaultValue("acr") String acr) {

        public Claims {
            requireText("guestgate.identity.claims.name", name);
            requireText("guestgate.identity.claims.given-name", givenName);
            requireText("guestgate.identity.claims.family-name", familyName);
            requireText("guestgate.identity.claims.email", email);
            requireText("guestgate.identity.claims.email-verified", emailVerified);
            requireText("guestgate.identity.claims.acr", acr);
        }
    }

    private static void requireText(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " must not be blank");
        }
    }
}
