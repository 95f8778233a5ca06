package io.guestgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.app.GuestGateApplication;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class ProductionSettingsCheckTest {

    @Test
    void startupFailsWithOneMessagePerMissingPropertyAndNoStackTrace(CapturedOutput output) {
        assertThatThrownBy(() -> GuestGateApplication.application()
                        .run(
                                "--spring.main.web-application-type=none",
                                "--guestgate.public-base-url=guestgate.example.com",
                                "--guestgate.webex.webhook-secret=short",
                                "--guestgate.crypto.keys.k1=bm90LTMyLWJ5dGVz",
                                "--guestgate.crypto.active-key=k2",
                                "--spring.mail.host="))
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).problems())
                        .anySatisfy(p -> assertThat(p).startsWith("guestgate.public-base-url: must be an absolute"))
                        .anySatisfy(p -> assertThat(p).startsWith("guestgate.webex.bot-token: missing"))
                        .anySatisfy(p -> assertThat(p).startsWith("guestgate.webex.webhook-secret: too short"))
                        .anySatisfy(p -> assertThat(p).startsWith("guestgate.webex.integration.client-id: missing"))
                        .anySatisfy(p -> assertThat(p).startsWith("guestgate.webex.integration.client-secret: missing"))
                        .anySatisfy(p -> assertThat(p).startsWith("guestgate.webex.integration.redirect-uri: missing"))
                        .anySatisfy(p -> assertThat(p).startsWith("guestgate.webex.guest.service-app-token: missing"))
                        .anySatisfy(p ->
                                assertThat(p).startsWith("guestgate.crypto.keys.k1: must be the base64 of exactly 32"))
                        .anySatisfy(p -> assertThat(p).startsWith("guestgate.crypto.active-key: names 'k2'"))
                        .anySatisfy(p -> assertThat(p)
                                .startsWith("spring.security.oauth2.client.registration.ichapp.client-id: missing"))
                        .anySatisfy(p -> assertThat(p)
                                .startsWith("spring.security.oauth2.client.provider.ichapp.issuer-uri: missing"))
                        .anySatisfy(p -> assertThat(p).startsWith("spring.mail.host: missing")));

        assertThat(output)
                .contains(
                        "APPLICATION FAILED TO START",
                        "GuestGate's settings are incomplete",
                        "guestgate.webex.bot-token: missing");
        assertThat(output).doesNotContain("\tat io.guestgate");
    }

    @Test
    void completeSettingsPass() {
        assertThat(ProductionSettingsCheck.problems(complete())).isEmpty();
    }

    @Test
    void guestIssuerModeNeedsItsIdAndABase64Secret() {
        MockEnvironment env = complete()
                .withProperty("guestgate.webex.guest.mode", "guest-issuer")
                .withProperty("guestgate.webex.guest.issuer-secret", "not base64!");

        List<String> problems = ProductionSettingsCheck.problems(env);

        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "guestgate.webex.guest.issuer-id: missing; set it to the guest issuer's id (guest mode guest-issuer)",
                        "guestgate.webex.guest.issuer-secret: is not valid base64");
    }

    @Test
    void anUnknownGuestModeIsNamed() {
        assertThat(ProductionSettingsCheck.problems(complete().withProperty("guestgate.webex.guest.mode", "magic")))
                .containsExactly("guestgate.webex.guest.mode: must be service-app or guest-issuer, was 'magic'");
    }

    @Test
    void aConnectionPoolTooSmallForTheStreamReadersIsNamed() {
        MockEnvironment env = complete().withProperty("spring.data.redis.lettuce.pool.max-active", "12");

        assertThat(ProductionSettingsCheck.problems(env))
                .containsExactly(
                        "spring.data.redis.lettuce.pool.max-active: is 12, but guestgate.bot.intake.concurrency + "
                                + "guestgate.outbox.concurrency = 12 stream readers each hold a connection; set it above "
                                + "that (or leave it unset to have it sized for them)");
        assertThat(ProductionSettingsCheck.problems(env.withProperty("guestgate.bot.intake.concurrency", "4")))
                .isEmpty();
    }

    @Test
    void everyViolationOfSeveralRecordsIsNamedOnceInOneReport() {
        MockEnvironment env = complete()
                .withProperty("guestgate.webex.webhook-secret", "short")
                .withProperty("guestgate.webex.integration.redirect-uri", "https://guestgate.example.com/callback")
                .withProperty("guestgate.outbox.concurrency", "0")
                .withProperty("guestgate.outbox.max-attempts", "101")
                .withProperty("guestgate.outbox.claim-idle", "0s")
                .withProperty("guestgate.crypto.keys.k2", "bm90LTMyLWJ5dGVz")
                .withProperty("guestgate.crypto.active-key", "k9")
                .withProperty("guestgate.lobby.join-link-minutes", "9")
                .withProperty("guestgate.landing.trusted-proxies", "proxy.example.com")
                // Two records read this one: it is still named once.
                .withProperty("guestgate.admission.organizer-language", "fr");

        List<String> problems = ProductionSettingsCheck.problems(env);

        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "guestgate.webex.webhook-secret: too short; use at least 16 random characters, a random secret "
                                + "Webex signs webhook deliveries with",
                        "guestgate.webex.integration.redirect-uri: must end with /oauth/webex/callback, was "
                                + "'https://guestgate.example.com/callback'",
                        "guestgate.outbox.concurrency: must be between 1 and 256, was 0",
                        "guestgate.outbox.max-attempts: must be between 1 and 100, was 101",
                        "guestgate.outbox.claim-idle: must be a positive duration",
                        "guestgate.crypto.keys.k2: must be the base64 of exactly 32 bytes (an AES-256 key), but decodes to 12",
                        "guestgate.crypto.active-key: names 'k9', which is not in guestgate.crypto.keys",
                        "guestgate.lobby.join-link-minutes: must be between 1 and 5",
                        "guestgate.landing.trusted-proxies: 'proxy.example.com' is not an address range: write an IP address "
                                + "or a CIDR range such as 10.0.0.0/8 or fd00::/8",
                        "guestgate.admission.organizer-language: must be en or de, was 'fr'");
    }

    @Test
    void theInitializerStopsStartupWithTheSameReport() {
        MockEnvironment env = complete()
                .withProperty("guestgate.webex.guest.service-app-token", "")
                .withProperty("guestgate.bot.intake.claim-idle", "1m")
                .withProperty("guestgate.mail.reminder", "-5m");
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(env);

        assertThatThrownBy(() -> new ProductionSettingsCheck().initialize(context))
                .isInstanceOfSatisfying(
                        InvalidSettingsException.class,
                        e -> assertThat(e.problems())
                                .isEqualTo(ProductionSettingsCheck.problems(env))
                                .containsExactlyInAnyOrder(
                                        "guestgate.webex.guest.service-app-token: missing; set it to the Service App's access "
                                                + "token (guest mode service-app)",
                                        "guestgate.bot.intake.claim-idle: must be longer than "
                                                + "guestgate.bot.intake.processing-timeout",
                                        "guestgate.mail.reminder: must be 0 (no reminder) or positive"));
    }

    private static MockEnvironment complete() {
        return new MockEnvironment()
                .withProperty("guestgate.public-base-url", "https://guestgate.example.com")
                .withProperty("guestgate.webex.bot-token", "bot")
                .withProperty("guestgate.webex.webhook-secret", "0123456789abcdef0123")
                .withProperty("guestgate.webex.integration.client-id", "id")
                .withProperty("guestgate.webex.integration.client-secret", "secret")
                .withProperty(
                        "guestgate.webex.integration.redirect-uri",
                        "https://guestgate.example.com/oauth/webex/callback")
                .withProperty("guestgate.webex.guest.service-app-token", "sa")
                .withProperty("guestgate.crypto.keys.k1", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")
                .withProperty("guestgate.crypto.active-key", "k1")
                .withProperty("spring.security.oauth2.client.registration.ichapp.client-id", "client")
                .withProperty("spring.security.oauth2.client.registration.ichapp.client-secret", "secret")
                .withProperty("spring.security.oauth2.client.provider.ichapp.issuer-uri", "https://idp.example.com")
                .withProperty("spring.mail.host", "smtp.example.com")
                .withProperty("guestgate.bot.allowed-org-ids", "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9leGFtcGxl");
    }

    private static MockEnvironment without(MockEnvironment env, String property) {
        env.getPropertySources().forEach(source -> {
            if (source instanceof org.springframework.core.env.MapPropertySource map) {
                map.getSource().remove(property);
            }
        });
        return env;
    }

    @Test
    void nobodyMayUseTheBotUntilTheOperatorSaysWho() {
        MockEnvironment nobody = without(complete(), "guestgate.bot.allowed-org-ids");

        assertThat(ProductionSettingsCheck.problems(nobody))
                .singleElement()
                .satisfies(problem -> assertThat(problem)
                        .startsWith("guestgate.bot.allowed-org-ids: say who may use the bot")
                        .contains("guestgate.bot.allowed-email-domains", "guestgate.bot.allow-anyone=true"));
        assertThat(ProductionSettingsCheck.problems(
                        nobody.withProperty("guestgate.bot.allowed-email-domains", "example.com")))
                .isEmpty();
    }

    @Test
    void allowingAnyoneIsAcceptedAndNamedAsARisk() {
        MockEnvironment anyone =
                without(complete(), "guestgate.bot.allowed-org-ids").withProperty("guestgate.bot.allow-anyone", "true");

        assertThat(ProductionSettingsCheck.problems(anyone)).isEmpty();
        assertThat(ProductionSettingsCheck.risks(anyone))
                .singleElement()
                .satisfies(risk -> assertThat(risk)
                        .startsWith("guestgate.bot.allow-anyone=true")
                        .contains("any Webex user"));
        assertThat(ProductionSettingsCheck.risks(complete())).isEmpty();
    }

    @Test
    void thePublicBaseUrlIsHttpsExceptOnThisMachine() {
        assertThat(ProductionSettingsCheck.problems(
                        complete().withProperty("guestgate.public-base-url", "http://guestgate.example.com")))
                .containsExactly("guestgate.public-base-url: must be https (guests sign in through it, and cookies "
                        + "and tokens cross it), was 'http://guestgate.example.com'");
        assertThat(ProductionSettingsCheck.problems(
                        complete().withProperty("guestgate.public-base-url", "http://127.0.0.1:8080")))
                .isEmpty();
        assertThat(ProductionSettingsCheck.problems(
                        complete().withProperty("guestgate.public-base-url", "http://localhost:8080")))
                .isEmpty();
    }

    @Test
    void theNamePolicyWithoutALevelOfAssuranceIsRefusedWithItsReason() {
        assertThat(ProductionSettingsCheck.problems(
                        complete().withProperty("guestgate.admission.match-policy", "name")))
                .singleElement()
                .satisfies(problem -> assertThat(problem)
                        .startsWith("guestgate.admission.required-acr: ")
                        .contains("match-policy=name"));
        assertThat(ProductionSettingsCheck.problems(complete()
                        .withProperty("guestgate.admission.match-policy", "name")
                        .withProperty("guestgate.admission.required-acr", "high")))
                .isEmpty();
    }

    @Test
    void theServiceAppsRefreshSettingsComeTogetherOrNotAtAll() {
        assertThat(ProductionSettingsCheck.problems(
                        complete().withProperty("guestgate.webex.guest.service-app-refresh-token", "refresh")))
                .containsExactlyInAnyOrder(
                        "guestgate.webex.guest.service-app-client-id: missing; set it together with the others of "
                                + "guestgate.webex.guest.service-app-refresh-token, "
                                + "guestgate.webex.guest.service-app-client-id, "
                                + "guestgate.webex.guest.service-app-client-secret, so that GuestGate can keep the "
                                + "Service App's token valid by itself",
                        "guestgate.webex.guest.service-app-client-secret: missing; set it together with the others of "
                                + "guestgate.webex.guest.service-app-refresh-token, "
                                + "guestgate.webex.guest.service-app-client-id, "
                                + "guestgate.webex.guest.service-app-client-secret, so that GuestGate can keep the "
                                + "Service App's token valid by itself");
        assertThat(ProductionSettingsCheck.problems(complete()
                        .withProperty("guestgate.webex.guest.service-app-refresh-token", "refresh")
                        .withProperty("guestgate.webex.guest.service-app-client-id", "id")
                        .withProperty("guestgate.webex.guest.service-app-client-secret", "secret")))
                .isEmpty();
    }
}
