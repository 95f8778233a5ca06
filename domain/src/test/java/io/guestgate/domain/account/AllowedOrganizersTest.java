package io.guestgate.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedOrganizersTest {

    private static final String ORG = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9leGFtcGxl";

    @Test
    void nobodyIsAllowedUntilTheOperatorSaysWho() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AllowedOrganizers(List.of(), List.of(), false))
                .withMessageContaining("guestgate.bot.allowed-org-ids")
                .withMessageContaining("guestgate.bot.allow-anyone=true");
        assertThatIllegalArgumentException().isThrownBy(() -> new AllowedOrganizers(List.of(" "), List.of(""), false));
    }

    @Test
    void domainsLetInTheirAddressesAndSubdomainsOnly() {
        AllowedOrganizers allowed = new AllowedOrganizers(List.of(), List.of("Example.com", "@example.org"), false);

        assertThat(List.of("olivia@example.com", "Olivia@EU.Example.com", "peter@example.org"))
                .allMatch(email -> allowed.admits(email, null));
        assertThat(List.of("mallory@notexample.com", "mallory@example.com.evil.org", "", "example.com"))
                .noneMatch(email -> allowed.admits(email, null));
        assertThat(allowed.admits(null, ORG)).isFalse();
    }

    @Test
    void orgsLetInTheirPeopleWhateverTheirAddress() {
        AllowedOrganizers allowed = new AllowedOrganizers(List.of(ORG), List.of(), false);

        assertThat(allowed.admits("anyone@elsewhere.org", ORG)).isTrue();
        assertThat(allowed.admits("anyone@elsewhere.org", "another-org")).isFalse();
        assertThat(allowed.admitsByAddress("anyone@example.com")).isFalse();
    }

    @Test
    void allowAnyoneIsExplicit() {
        AllowedOrganizers anyone = new AllowedOrganizers(List.of(), List.of(), true);

        assertThat(anyone.admits("mallory@elsewhere.org", "any-org")).isTrue();
    }

    @Test
    void aDomainThatIsNoDomainIsNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AllowedOrganizers(List.of(), List.of("localhost"), false))
                .withMessageContaining("'localhost' is not a domain");
    }
}
