package io.guestgate.domain.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InviteeTest {

    @Test
    void asciiAddressesCompareIgnoringCaseAsBefore() {
        Invitee anna = new Invitee("Anna", " Anna.Mueller@EXAMPLE.com ");

        assertThat(anna.normalizedEmail()).isEqualTo("anna.mueller@example.com");
        assertThat(anna.asciiEmail()).hasValue("anna.mueller@example.com");
        assertThat(Invitee.asciiEmail("ANNA.MUELLER@example.COM")).hasValue("anna.mueller@example.com");
    }

    @Test
    void internationalDomainsCompareAsPunycode() {
        assertThat(new Invitee("Jörg", "joerg@Bücher.example").asciiEmail()).hasValue("joerg@xn--bcher-kva.example");
        assertThat(Invitee.asciiEmail("JOERG@XN--BCHER-KVA.EXAMPLE")).hasValue("joerg@xn--bcher-kva.example");
    }

    @Test
    void aNonAsciiLocalPartHasNoAsciiFormAndIsNeverFolded() {
        // U+212A KELVIN SIGN lower-cases to an ASCII "k".
        assertThat(Invitee.asciiEmail("\u212Aelvin@example.com")).isEmpty();
        assertThat(Invitee.asciiEmail("ke\u200Blvin@example.com")).isEmpty();
        assertThat(new Invitee("Jörg", "jörg@example.com").asciiEmail()).isEmpty();
    }

    @Test
    void somethingThatIsNoAddressHasNoAsciiForm() {
        assertThat(Invitee.asciiEmail(null)).isEmpty();
        assertThat(Invitee.asciiEmail("no-at-sign.example.com")).isEmpty();
        assertThat(Invitee.asciiEmail("@example.com")).isEmpty();
        assertThat(Invitee.asciiEmail("kim@")).isEmpty();
        assertThat(Invitee.asciiEmail("kim@exa\u0000mple.com")).isEmpty();
    }
}
