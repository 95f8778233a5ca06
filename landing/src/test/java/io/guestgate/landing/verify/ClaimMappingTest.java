package io.guestgate.landing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.guestgate.guestlist.invitation.VerifiedIdentity;

class ClaimMappingTest {

    private final ClaimMapping ichApp = new ClaimMapping(new IdentityProperties("ichapp", "ich.app",
            new IdentityProperties.Claims("name", "given_name", "family_name", "email", "email_verified", "acr")));

    @Test
    void readsTheIchAppProfile() {
        VerifiedIdentity identity = ichApp.toIdentity("https://login.ich.app", "sub-1", Map.of("name", "Anna Müller",
                "given_name", "Anna", "family_name", "Müller", "email", "anna@example.com", "email_verified", true,
                "acr", "high")).orElseThrow();

        assertThat(identity).isEqualTo(new VerifiedIdentity("https://login.ich.app", "sub-1", "Anna Müller",
                "anna@example.com", true, "high", "ich.app"));
    }

    @Test
    void fallsBackToGivenAndFamilyName() {
        assertThat(ichApp.toIdentity("iss", "sub", Map.of("name", "  ", "given_name", "Anna",
                "family_name", "Müller")).orElseThrow().displayName()).isEqualTo("Anna Müller");
        assertThat(ichApp.toIdentity("iss", "sub", Map.of("family_name", "Müller")).orElseThrow().displayName())
                .isEqualTo("Müller");
    }

    @Test
    void acceptsEmailVerifiedAsBooleanOrString() {
        assertThat(ichApp.toIdentity("iss", "sub", Map.of("name", "A", "email_verified", "true")).orElseThrow()
                .emailVerified()).isTrue();
        assertThat(ichApp.toIdentity("iss", "sub", Map.of("name", "A", "email_verified", "yes")).orElseThrow()
                .emailVerified()).isFalse();
        assertThat(ichApp.toIdentity("iss", "sub", Map.of("name", "A")).orElseThrow().emailVerified()).isFalse();
    }

    @Test
    void withoutANameThereIsNoIdentity() {
        assertThat(ichApp.toIdentity("iss", "sub", Map.of("email", "anna@example.com"))).isEmpty();
        assertThat(ichApp.toIdentity("iss", "sub", Map.of("name", 42))).isEmpty();
        assertThat(ichApp.toIdentity("iss", "sub", Map.of("name", "x".repeat(201)))).isEmpty();
    }

    @Test
    void controlCharactersNeverReachTheName() {
        assertThat(ichApp.toIdentity("iss", "sub", Map.of("name", "Anna\r\nMüller\u0000")).orElseThrow()
                .displayName()).isEqualTo("Anna Müller");
    }

    @Test
    void claimNamesAreConfigurable() {
        ClaimMapping custom = new ClaimMapping(new IdentityProperties("corp", "Corporate SSO",
                new IdentityProperties.Claims("displayName", "firstName", "lastName", "mail", "mailVerified",
                        "loa")));

        VerifiedIdentity identity = custom.toIdentity("iss", "sub", Map.of("firstName", "Bob", "lastName", "Bauer",
                "mail", "bob@example.org", "mailVerified", true, "loa", "2")).orElseThrow();

        assertThat(identity.displayName()).isEqualTo("Bob Bauer");
        assertThat(identity.email()).isEqualTo("bob@example.org");
        assertThat(identity.emailVerified()).isTrue();
        assertThat(identity.acr()).isEqualTo("2");
        assertThat(identity.provider()).isEqualTo("Corporate SSO");
    }
}
