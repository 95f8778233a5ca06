package io.guestgate.landing.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.admission.MatchPolicy;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.invitation.VerifiedIdentity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityMatcherTest {

    private static final Invitee ANNA = new Invitee("Anna Müller", "anna.mueller@example.com");

    @Test
    void emailPolicyMatchesAVerifiedAddressIgnoringCase() {
        IdentityMatcher matcher = new IdentityMatcher(MatchPolicy.EMAIL, List.of());

        assertThat(matcher.match(ANNA, identity("Whoever", " Anna.Mueller@EXAMPLE.com ", true, null)))
                .isInstanceOf(MatchResult.Match.class);
    }

    @Test
    void emailPolicyRefusesAnUnverifiedOrMissingAddress() {
        IdentityMatcher matcher = new IdentityMatcher(MatchPolicy.EMAIL, List.of());

        assertThat(matcher.match(ANNA, identity("Anna Müller", "anna.mueller@example.com", false, null)))
                .isEqualTo(new MatchResult.Mismatch(MatchResult.Reason.EMAIL_NOT_VERIFIED));
        assertThat(matcher.match(ANNA, identity("Anna Müller", null, true, null)))
                .isEqualTo(new MatchResult.Mismatch(MatchResult.Reason.EMAIL_NOT_VERIFIED));
    }

    @Test
    void emailPolicyRefusesAnotherAddress() {
        IdentityMatcher matcher = new IdentityMatcher(MatchPolicy.EMAIL, List.of());

        assertThat(matcher.match(ANNA, identity("Anna Müller", "anna.mueller@example.com.evil", true, null)))
                .isEqualTo(new MatchResult.Mismatch(MatchResult.Reason.EMAIL_DIFFERS));
    }

    @Test
    void emailPolicyComparesInternationalDomainsInTheirAsciiForm() {
        IdentityMatcher matcher = new IdentityMatcher(MatchPolicy.EMAIL, List.of());
        Invitee unicode = new Invitee("Jörg Bücher", "joerg@bücher.example");
        Invitee punycode = new Invitee("Jörg Bücher", "joerg@xn--bcher-kva.example");

        assertThat(matcher.match(unicode, identity("Jörg", "Joerg@xn--bcher-kva.example", true, null)))
                .isInstanceOf(MatchResult.Match.class);
        assertThat(matcher.match(punycode, identity("Jörg", "joerg@BÜCHER.example", true, null)))
                .isInstanceOf(MatchResult.Match.class);
        assertThat(matcher.match(unicode, identity("Jörg", "joerg@bucher.example", true, null)))
                .isEqualTo(new MatchResult.Mismatch(MatchResult.Reason.EMAIL_DIFFERS));
    }

    @Test
    void emailPolicyRefusesANonAsciiLocalPartInsteadOfFoldingIt() {
        IdentityMatcher matcher = new IdentityMatcher(MatchPolicy.EMAIL, List.of());
        Invitee kelvin = new Invitee("Kelvin Klein", "kelvin@example.com");

        // U+212A KELVIN SIGN lower-cases to an ASCII "k": folding would make this someone else's address match.
        assertThat(matcher.match(kelvin, identity("Kelvin Klein", "\u212Aelvin@example.com", true, null)))
                .isEqualTo(new MatchResult.Mismatch(MatchResult.Reason.EMAIL_DIFFERS));
        assertThat(matcher.match(kelvin, identity("Kelvin Klein", "ke\u200Blvin@example.com", true, null)))
                .isEqualTo(new MatchResult.Mismatch(MatchResult.Reason.EMAIL_DIFFERS));
        // Not even the same non-ASCII address on both sides: there is no ASCII form to compare.
        Invitee joerg = new Invitee("Jörg", "jörg@example.com");
        assertThat(matcher.match(joerg, identity("Jörg", "jörg@example.com", true, null)))
                .isEqualTo(new MatchResult.Mismatch(MatchResult.Reason.EMAIL_DIFFERS));
    }

    @ParameterizedTest
    @CsvSource({
        "Anna Müller, ANNA MÜLLER",
        "Anna Müller, '  anna   müller '",
        // Decomposed ü (u + combining diaeresis) is the same name after NFKC.
        "Anna Müller, Anna Mu\u0308ller",
        // Full-width letters are compatibility forms of the ASCII ones.
        "Anna Müller, Ａｎｎａ Müller",
        // Case folding: ß and SS.
        "Jörg Strauß, JÖRG STRAUSS",
        // Greek final sigma folds like sigma.
        "Οδυσσεύς, ΟΔΥΣΣΕΎΣ"
    })
    void namePolicyComparesAfterNormalisationAndCaseFolding(String invited, String verified) {
        IdentityMatcher matcher = new IdentityMatcher(MatchPolicy.NAME, List.of());

        assertThat(matcher.match(new Invitee(invited, "x@example.com"), identity(verified, null, false, null)))
                .isInstanceOf(MatchResult.Match.class);
    }

    @ParameterizedTest
    @CsvSource({
        "Anna Müller, Anna Mueller",
        "Anna Müller, Anna Müller-Huber",
        "Anna Müller, Hanna Müller",
        "Anna Müller, Müller Anna"
    })
    void namePolicyRefusesOtherNames(String invited, String verified) {
        IdentityMatcher matcher = new IdentityMatcher(MatchPolicy.NAME, List.of());

        assertThat(matcher.match(new Invitee(invited, "x@example.com"), identity(verified, null, false, null)))
                .isEqualTo(new MatchResult.Mismatch(MatchResult.Reason.NAME_DIFFERS));
    }

    @Test
    void hostApprovalAsksTheOrganizer() {
        IdentityMatcher matcher = new IdentityMatcher(MatchPolicy.HOST_APPROVAL, List.of());

        assertThat(matcher.match(ANNA, identity("Somebody Else", null, false, null)))
                .isInstanceOf(MatchResult.AskOrganizer.class);
    }

    @Test
    void requiredAssuranceComesBeforeEveryPolicy() {
        for (MatchPolicy policy : MatchPolicy.values()) {
            IdentityMatcher matcher = new IdentityMatcher(policy, List.of("substantial", "high"));

            assertThat(matcher.match(ANNA, identity("Anna Müller", "anna.mueller@example.com", true, "low")))
                    .as(policy.name())
                    .isEqualTo(new MatchResult.Mismatch(MatchResult.Reason.ASSURANCE_TOO_LOW));
            assertThat(matcher.match(ANNA, identity("Anna Müller", "anna.mueller@example.com", true, null)))
                    .as(policy.name())
                    .isEqualTo(new MatchResult.Mismatch(MatchResult.Reason.ASSURANCE_TOO_LOW));
            assertThat(matcher.match(ANNA, identity("Anna Müller", "anna.mueller@example.com", true, "high")))
                    .as(policy.name())
                    .isNotInstanceOf(MatchResult.Mismatch.class);
        }
    }

    @Test
    void reasonsHaveStableCodes() {
        assertThat(MatchResult.Reason.EMAIL_NOT_VERIFIED.code()).isEqualTo("email-not-verified");
        assertThat(MatchResult.Reason.ASSURANCE_TOO_LOW.code()).isEqualTo("assurance-too-low");
    }

    private static VerifiedIdentity identity(String name, String email, boolean emailVerified, String acr) {
        return new VerifiedIdentity("https://idp.example", "sub-1", name, email, emailVerified, acr, "ich.app");
    }
}
