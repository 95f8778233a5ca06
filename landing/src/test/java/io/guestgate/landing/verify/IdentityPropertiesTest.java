package io.guestgate.landing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.landing.IdentityProperties;
import io.guestgate.platform.settings.InvalidPropertiesException;
import io.guestgate.platform.settings.Violation;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;

/** Production's rules on the client registration the identity settings name, whatever its id. */
class IdentityPropertiesTest {

    private static final IdentityProperties ICHAPP = bind(Map.of());

    @Test
    void productionNamesEveryMissingPartOfTheRegistration() {
        assertThat(ICHAPP.productionViolations(client(Map.of())))
                .extracting(Violation::toString)
                .containsExactly(
                        "spring.security.oauth2.client.registration.ichapp.client-id: missing; set it to the client id "
                                + "GuestGate has at the identity provider (ich.app)",
                        "spring.security.oauth2.client.registration.ichapp.client-secret: missing; set it to the client "
                                + "secret GuestGate has at the identity provider (ich.app)",
                        "spring.security.oauth2.client.provider.ichapp.issuer-uri: missing; set it to the identity "
                                + "provider's issuer; its /.well-known/openid-configuration must answer");
    }

    @Test
    void anotherRegistrationAndTheProviderItNamesAreTheOnesChecked() {
        IdentityProperties keycloak = bind(
                Map.of("guestgate.identity.registration-id", "staff", "guestgate.identity.provider-name", "Keycloak"));
        OAuth2ClientProperties client = client(Map.of(
                "spring.security.oauth2.client.registration.staff.client-id", "id",
                "spring.security.oauth2.client.registration.staff.client-secret", "secret",
                "spring.security.oauth2.client.registration.staff.provider", "keycloak",
                "spring.security.oauth2.client.provider.keycloak.issuer-uri", "idp.example.com/realms/x"));

        assertThat(keycloak.productionViolations(client))
                .extracting(Violation::toString)
                .containsExactly(
                        "spring.security.oauth2.client.provider.keycloak.issuer-uri: must be an absolute http(s) URL, was "
                                + "'idp.example.com/realms/x'");
        assertThat(keycloak.issuerUri(client)).isEqualTo("idp.example.com/realms/x");
        assertThat(ICHAPP.issuerUri(client)).isNull();
    }

    @Test
    void blankClaimNamesAreAllNamedAtOnce() {
        assertThatThrownBy(() -> new IdentityProperties.Claims("name", " ", "family_name", "", "email_verified", "acr"))
                .isInstanceOfSatisfying(
                        InvalidPropertiesException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::property)
                                .containsExactly(
                                        "guestgate.identity.claims.given-name", "guestgate.identity.claims.email"));
    }

    private static IdentityProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("guestgate.identity", IdentityProperties.class);
    }

    private static OAuth2ClientProperties client(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("spring.security.oauth2.client", OAuth2ClientProperties.class);
    }
}
