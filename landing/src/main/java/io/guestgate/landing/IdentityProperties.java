package io.guestgate.landing;

import io.guestgate.platform.settings.Violation;
import io.guestgate.platform.settings.Violations;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;

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
        Violations violations = new Violations();
        requireText(violations, "guestgate.identity.registration-id", registrationId);
        requireText(violations, "guestgate.identity.provider-name", providerName);
        violations.throwIfAny();
    }

    /**
     * Production's rules on Spring Security's client registration this record names: guests cannot verify without
     * its client id and secret, or without the provider's issuer.
     */
    public List<Violation> productionViolations(OAuth2ClientProperties client) {
        String registrationPrefix = "spring.security.oauth2.client.registration." + registrationId;
        OAuth2ClientProperties.Registration registration =
                client.getRegistration().get(registrationId);
        String issuerProperty = "spring.security.oauth2.client.provider." + provider(client) + ".issuer-uri";
        String issuer = issuerUri(client);
        Violations violations = new Violations()
                .required(
                        registration != null ? registration.getClientId() : null,
                        registrationPrefix + ".client-id",
                        "the client id GuestGate has at the identity provider (" + providerName + ")")
                .required(
                        registration != null ? registration.getClientSecret() : null,
                        registrationPrefix + ".client-secret",
                        "the client secret GuestGate has at the identity provider (" + providerName + ")")
                .required(
                        issuer,
                        issuerProperty,
                        "the identity provider's issuer; its /.well-known/openid-configuration must answer");
        if (issuer != null && !issuer.isBlank()) {
            violations.require(
                    isHttpUrl(issuer), issuerProperty, "must be an absolute http(s) URL, was '" + issuer + "'");
        }
        return violations.list();
    }

    /** The configured issuer of the provider this record's registration uses; null when there is none. */
    public String issuerUri(OAuth2ClientProperties client) {
        OAuth2ClientProperties.Provider details = client.getProvider().get(provider(client));
        return details != null ? details.getIssuerUri() : null;
    }

    /** Spring Security's rule: a registration's provider is the one of its own id unless it names another. */
    private String provider(OAuth2ClientProperties client) {
        OAuth2ClientProperties.Registration registration =
                client.getRegistration().get(registrationId);
        return registration != null && registration.getProvider() != null ? registration.getProvider() : registrationId;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return uri.isAbsolute() && uri.getHost() != null && uri.getScheme().matches("https?");
        } catch (IllegalArgumentException notAUrl) {
            return false;
        }
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
            Violations violations = new Violations();
            requireText(violations, "guestgate.identity.claims.name", name);
            requireText(violations, "guestgate.identity.claims.given-name", givenName);
            requireText(violations, "guestgate.identity.claims.family-name", familyName);
            requireText(violations, "guestgate.identity.claims.email", email);
            requireText(violations, "guestgate.identity.claims.email-verified", emailVerified);
            requireText(violations, "guestgate.identity.claims.acr", acr);
            violations.throwIfAny();
        }
    }

    private static void requireText(Violations violations, String property, String value) {
        violations.require(value != null && !value.isBlank(), property, "must not be blank");
    }
}
