package io.guestgate.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.platform.settings.InvalidPropertiesException;
import io.guestgate.platform.settings.Violation;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuestgatePropertiesTest {

    private static final GuestgateProperties.Redis REDIS = new GuestgateProperties.Redis("guestgate:");

    @Test
    void aMissingOrRelativeBaseUrlIsNamedWithWhatItIsFor() {
        assertThatThrownBy(() -> new GuestgateProperties(null, REDIS))
                .isInstanceOf(InvalidPropertiesException.class)
                .hasMessageStartingWith("guestgate.public-base-url: missing; set it to where guests")
                .hasMessageContaining("https://guestgate.example.com");
        assertThatThrownBy(() -> new GuestgateProperties(URI.create("guestgate.example.com"), REDIS))
                .hasMessage("guestgate.public-base-url: must be an absolute http(s) URL, was 'guestgate.example.com'");
    }

    @Test
    void productionWantsHttpsExceptOnThisMachine() {
        assertThat(production("http://guestgate.example.com"))
                .extracting(Violation::toString)
                .containsExactly(
                        "guestgate.public-base-url: must be https (guests sign in through it, and cookies and tokens cross "
                                + "it), was 'http://guestgate.example.com'");
        assertThat(production("ftp://guestgate.example.com"))
                .extracting(Violation::problem)
                .containsExactly("must be an absolute http(s) URL, was 'ftp://guestgate.example.com'");
        assertThat(production("https://guestgate.example.com")).isEmpty();
        assertThat(production("http://localhost:8080")).isEmpty();
        assertThat(production("http://127.0.0.1:8080")).isEmpty();
    }

    @Test
    void aKeyPrefixWithBracesIsRefused() {
        assertThatThrownBy(() -> new GuestgateProperties.Redis("gg{1}:"))
                .hasMessageStartingWith("guestgate.redis.key-prefix: must be non-blank");
    }

    private static List<Violation> production(String url) {
        return new GuestgateProperties(URI.create(url), REDIS).productionViolations();
    }
}
