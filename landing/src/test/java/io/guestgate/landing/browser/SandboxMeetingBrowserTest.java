package io.guestgate.landing.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.guestgate.landing.support.Fixtures;
import io.guestgate.landing.support.LandingTestApplication;
import io.guestgate.landing.support.TestWorld;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The meeting page in the sandbox ({@code guestgate.sandbox.enabled=true}), in real Chromium and in German: in place of
 * the live widget, a panel says who would join and where; the token's expiry, which means nothing to a guest, never
 * shows.
 */
@SpringBootTest(classes = LandingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxMeetingBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Chromium chromium;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestWorld.register(registry, TestWorld.properties("http://localhost", "guest-issuer", "email"));
        registry.add("guestgate.sandbox.enabled", () -> "true");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void sandboxPanelShowsTheVerifiedNameAndTheDestinationButNoTokenExpiry() {
        Fixtures.Invited jana = Fixtures.invite(context, "Jana Novák", "jana@example.at");
        TestWorld.nextLogin(
                "jana-" + jana.invitation().id(),
                Map.of("name", "Jana Novák", "email", "jana@example.at", "email_verified", true));
        try (GuestWindow guest = chromium.open(Locale.forLanguageTag("de-AT"))) {
            Page page = guest.page();
            String link = "http://localhost:" + port + "/join/" + jana.token();
            page.navigate(link);
            assertThat(page.locator("html")).hasAttribute("lang", "de");

            Response session = page.waitForResponse(
                    response -> response.url().equals(link + "/session")
                            && response.request().method().equals("POST"),
                    () -> {
                        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mit ich.app bestätigen"))
                                .click();
                        page.waitForURL(link + "/meeting");
                    });
            JsonNode body = JSON.readTree(session.text());
            assertThat(body.get("sandbox").asBoolean()).isTrue();
            String accessToken = body.get("accessToken").asString();
            Instant expiresAt = Instant.parse(body.get("expiresAt").asString());

            assertThat(page.getByTestId("meeting-page")).hasAttribute("data-state", "ready");
            Locator panel = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Sandbox-Meetingraum"));
            assertThat(panel).isVisible();
            assertThat(panel).hasAttribute("data-testid", "sandbox-room");
            assertThat(panel).hasAttribute("data-destination", Fixtures.SIP_ADDRESS);
            assertThat(panel.getByTestId("display-name")).hasText("Jana Novák");
            assertThat(panel.locator("code")).hasText(Fixtures.SIP_ADDRESS);
            // The token's expiry means nothing to a guest and is never shown; the page says when the meeting is.
            ZonedDateTime local = expiresAt.atZone(GuestWindow.TIME_ZONE);
            assertThat(panel.locator("time")).hasCount(0);
            assertThat(page.locator("#gg-meeting"))
                    .not()
                    .containsText(DateTimeFormatter.ofPattern("HH:mm:ss").format(local));
            assertThat(page.locator("main")).containsText("(Europe/Vienna)");
            assertThat(page.getByTestId("webex-widget")).hasCount(0);
            assertThat(guest.requests())
                    .as("the sandbox never downloads the Webex widget")
                    .noneSatisfy(url -> assertThat(url).contains("/meeting/assets/WebexWidget"));
            assertThat(guest.blockedHosts()).as("nothing left this machine").isEmpty();
            assertThat(page.content()).doesNotContain(accessToken);

            guest.screenshot("meeting-page-sandbox-de");
            Axe.assertNoSeriousOrCriticalViolations(page, "meeting page (sandbox, German)");
            assertThat(guest.cspViolations()).isEmpty();
            assertThat(page.locator("h1").count())
                    .as("exactly one h1 on the meeting page with the app mounted " + "(axe: page-has-heading-one)")
                    .isEqualTo(1);
            guest.report(chromium, accessToken);
        }
    }
}
