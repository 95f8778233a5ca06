package io.guestgate.platform.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.platform.settings.Violation;
import java.net.URI;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** What production needs of Webex, named property by property; tests and the sandbox start without it. */
class WebexPropertiesTest {

    @Test
    void namesEverythingProductionLacksAtOnce() {
        WebexProperties nothing = bind(Map.of());

        assertThat(nothing.productionViolations())
                .extracting(Violation::property)
                .containsExactly(
                        "guestgate.webex.bot-token",
                        "guestgate.webex.webhook-secret",
                        "guestgate.webex.integration.client-id",
                        "guestgate.webex.integration.client-secret",
                        "guestgate.webex.integration.redirect-uri",
                        "guestgate.webex.guest.service-app-token");
    }

    @Test
    void aCompleteServiceAppSetupPasses() {
        assertThat(bind(complete()).productionViolations()).isEmpty();
    }

    @Test
    void theGuestIssuerModeNeedsItsIdAndABase64Secret() {
        Map<String, String> issuer = new HashMap<>(complete());
        issuer.put("guestgate.webex.guest.mode", "guest-issuer");
        issuer.put("guestgate.webex.guest.issuer-secret", "not base64!");

        assertThat(bind(issuer).productionViolations())
                .extracting(Violation::toString)
                .containsExactly(
                        "guestgate.webex.guest.issuer-id: missing; set it to the guest issuer's id (guest mode guest-issuer)",
                        "guestgate.webex.guest.issuer-secret: is not valid base64");
    }

    @Test
    void aGuestIssuerSecretTooShortForHs256IsNamedByTheCheckAndRefusedWhereItIsUsed() {
        String shortSecret = Base64.getEncoder().encodeToString(new byte[16]);
        Map<String, String> issuer = new HashMap<>(complete());
        issuer.put("guestgate.webex.guest.mode", "guest-issuer");
        issuer.put("guestgate.webex.guest.issuer-id", "issuer-1");
        issuer.put("guestgate.webex.guest.issuer-secret", shortSecret);
        String tooShort = "guestgate.webex.guest.issuer-secret: decodes to fewer than 32 bytes; HS256 needs 256 bits";

        assertThat(bind(issuer).productionViolations())
                .extracting(Violation::toString)
                .containsExactly(tooShort);
        assertThatThrownBy(() -> WebexProperties.Guest.issuerKey(shortSecret)).hasMessage(tooShort);
        assertThat(WebexProperties.Guest.issuerKey(Base64.getEncoder().encodeToString(new byte[32])))
                .hasSize(32);
    }

    @Test
    void aShortWebhookSecretAndAWrongCallbackAreBothNamed() {
        WebexProperties webex = new WebexProperties(
                URI.create("https://webexapis.com/v1"),
                "bot",
                "0123456789abcde",
                new WebexProperties.Integration(
                        "id", "secret", URI.create("https://guestgate.example.com/callback"), List.of()),
                new WebexProperties.Guest(WebexProperties.GuestMode.SERVICE_APP, null, null, "sa"),
                null);

        assertThat(webex.productionViolations())
                .extracting(Violation::property)
                .containsExactly("guestgate.webex.webhook-secret", "guestgate.webex.integration.redirect-uri");
        assertThat(webex.productionViolations().get(0).problem())
                .startsWith("too short; use at least 16")
                .contains("Webex signs webhook deliveries with");
    }

    private static Map<String, String> complete() {
        return Map.of(
                "guestgate.webex.bot-token", "bot",
                "guestgate.webex.webhook-secret", "0123456789abcdef0123",
                "guestgate.webex.integration.client-id", "id",
                "guestgate.webex.integration.client-secret", "secret",
                "guestgate.webex.integration.redirect-uri", "https://guestgate.example.com/oauth/webex/callback",
                "guestgate.webex.guest.service-app-token", "sa");
    }

    private static WebexProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("guestgate.webex", WebexProperties.class);
    }
}
