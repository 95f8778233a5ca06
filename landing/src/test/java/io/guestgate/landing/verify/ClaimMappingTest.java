package io.guestgate.landing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.invitation.VerifiedIdentity;
import io.guestgate.landing.IdentityProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimMappingTest {

    private final ClaimMapping ichApp = new ClaimMapping(new IdentityProperties(
            "ichapp",
            "ich.app",
            new IdentityProperties.Claims("name", "given_name", "family_name", "email", "email_verified", "acr")));

    @Test
    void readsTheIchAppProfile() {
        VerifiedIdentity identity = ichApp.toIdentity(
                        "https://login.ich.app",
                        "sub-1",
                        Map.of(
                                "name",
                                "Anna Müller",
                                "given_name",
                                "Anna",
                                "family_name",
                                "Müller",
                                "email",
                                "anna@example.com",
                                "email_verified",
                                true,
                                "acr",
                                "high"))
                .orElseThrow();

        assertThat(identity)
                .isEqualTo(new VerifiedIdentity(
                        "https://login.ich.app", "sub-1", "Anna Müller", "anna@example.com", true, "high", "ich.app"));
    }

    @Test
    void fallsBackToGivenAndFamilyName() {
        assertThat(ichApp.toIdentity("iss", "sub", Map.of("name", "  ", "given_name", "Anna", "family_name", "Müller"))
                        .orElseThrow()
                        .displayName())
                .isEqualTo("Anna Müller");
        assertThat(ichApp.toIdentity("iss", "sub", Map.of("family_name", "Müller"))
                        .orElseThrow()
                        .displayName())
                .isEqualTo("Müller");
    }

    @Test
    void acceptsEmailVerifiedAsBooleanOrString() {
        assertThat(ichApp.toIdentity("iss", "sub", Map.of("name", "A", "email_verified", "true"))
                        .orElseThrow()
                        .emailVerified())
                .isTrue();
        assertThat(ichApp.toIdentity("iss", "sub", Map.of("name", "A", "email_verified", "yes"))
                        .orElseThrow()
                        .emailVerified())
                .isFalse();
        assertThat(ichApp.toIdentity("iss", "sub", Map.of("name", "A"))
                        .orElseThrow()
                        .emailVerified())
                .isFalse();
    }

    @Test
    void withoutANameThereIsNoIdentity() {
        assertThat(ichApp.toIdentity("iss", "sub", Map.of("email", "anna@example.com")))
                .isEmpty();
        assertThat(ichApp.toIdentity("iss", "sub", Map.of("name", 42))).isEmpty();
        assertThat(ichApp.toIdentity("iss", "sub", Map.of("name", "x".repeat(201))))
                .isEmpty();
    }

    @Test
    void controlCharactersNeverReachTheName() {
        assertThat(ichApp.toIdentity("iss", "sub", Map.of("name", "Anna\r\nMüller\u0000"))
                        .orElseThrow()
                        .displayName())
                .isEqualTo("Anna Müller");
    }

    @Test
    void namesAreNormalisedToNfkc() {
        // Full-width letters, a ligature, a decomposed umlaut and a no-break space: what a guest token, a chat
        // message and a mail get is the plain composed form.
        assertThat(name("\uFF21nna Mu\u0308ller")).isEqualTo("Anna Müller");
        assertThat(name("Sophie Gr\uFB01n")).isEqualTo("Sophie Grfin");
        assertThat(name("Anna\u00A0M\u00FCller")).isEqualTo("Anna Müller");
        assertThat(name("Anna\u2003\u2028M\u00FCller")).isEqualTo("Anna Müller");
    }

    @Test
    void bidiControlsAndZeroWidthCharactersNeverReachTheName() {
        // U+202E RIGHT-TO-LEFT OVERRIDE shows the text after it reversed; the isolates and marks
        // reorder what follows; zero-width characters hide inside a name that then looks like another one.
        assertThat(name("\u202EAnna M\u00FCller\u202C")).isEqualTo("Anna Müller");
        assertThat(name("\u2067Anna\u2069 \u200FM\u00FCller\u200E\u061C")).isEqualTo("Anna Müller");
        assertThat(name("An\u200Bna M\u200C\u00FC\u200Dller\u2060\uFEFF")).isEqualTo("Anna Müller");
        assertThat(ichApp.toIdentity("iss", "sub", Map.of("name", "\u200B\u202E\u2066")))
                .isEmpty();
    }

    @Test
    void anEmailWithInvisibleOrControlCharactersIsNoAddress() {
        assertThat(email("ki\u200Bm@example.com")).isNull();
        assertThat(email("kim@example.com\u202E")).isNull();
        assertThat(email("kim@exa mple.com")).isNull();
        assertThat(email("kim@example.com\r\nBcc: x@evil.example")).isNull();
        assertThat(email(" Kim@Example.com ")).isEqualTo("Kim@Example.com");
        // Left as the provider wrote it: the match policy compares addresses in their ASCII form only.
        assertThat(email("\u212Aim@example.com")).isEqualTo("\u212Aim@example.com");
    }

    private String name(String claim) {
        return ichApp.toIdentity("iss", "sub", Map.of("name", claim))
                .orElseThrow()
                .displayName();
    }

    private String email(String claim) {
        return ichApp.toIdentity("iss", "sub", Map.of("name", "Kim", "email", claim))
                .orElseThrow()
                .email();
    }

    @Test
    void claimNamesAreConfigurable() {
        ClaimMapping custom = new ClaimMapping(new IdentityProperties(
                "corp",
                "Corporate SSO",
                new IdentityProperties.Claims("displayName", "firstName", "lastName", "mail", "mailVerified", "loa")));

        VerifiedIdentity identity = custom.toIdentity(
                        "iss",
                        "sub",
                        Map.of(
                                "firstName",
                                "Bob",
                                "lastName",
                                "Bauer",
                                "mail",
                                "bob@example.org",
                                "mailVerified",
                                true,
                                "loa",
                                "2"))
                .orElseThrow();

        assertThat(identity.displayName()).isEqualTo("Bob Bauer");
        assertThat(identity.email()).isEqualTo("bob@example.org");
        assertThat(identity.emailVerified()).isTrue();
        assertThat(identity.acr()).isEqualTo("2");
        assertThat(identity.provider()).isEqualTo("Corporate SSO");
    }
}
