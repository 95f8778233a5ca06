package io.guestgate.landing.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.guestgate.domain.testing.MutableClock;
import io.guestgate.landing.support.Fixtures;
import io.guestgate.landing.support.LandingTestApplication;
import io.guestgate.landing.support.TestWorld;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A guest who opens the link before it opens, in real Chromium: the page says when the meeting starts (in the
 * meeting's zone and in the browser's), counts down to the opening and then opens the link page by itself, with script
 * at the moment itself, without script by a meta refresh. Time moves by the server's {@link MutableClock} and
 * Playwright's clock, never by waiting.
 */
@SpringBootTest(classes = LandingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EarlyArrivalBrowserTest {

    private static final Duration OPENS_BEFORE_START = Duration.ofMinutes(30);
    /** Far from the meeting's zone (Europe/Vienna), so the two times differ. */
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** The meeting page's picture ends above the Webex widget: title, both times, the verified name. */
    private static final int MEETING_PAGE_TOP = 372;

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestWorld.register(registry, TestWorld.properties("http://localhost", "guest-issuer", "email"));
        registry.add("guestgate.admission.open-minutes-before-start", () -> "30");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en, Too early, Invitation to Q3 review, HH:mm", "de, Noch zu früh, Einladung zu Q3 review, HH:mm"})
    void earlyPageCountsDownAndOpensTheLinkPageByItself(
            String language, String early, String invitation, String localTime) {
        Instant start = clock.instant().plus(OPENS_BEFORE_START).plus(Duration.ofMinutes(10));
        Fixtures.Invited erna = Fixtures.invite(context, "Erna Early", "erna@example.com", start);
        TestWorld.nextLogin(
                "erna-" + erna.invitation().id(),
                Map.of("name", "Erna Early", "email", "erna@example.com", "email_verified", true));
        try (GuestWindow guest = chromium.open(Locale.forLanguageTag(language), NEW_YORK, true)) {
            Page page = guest.page();
            page.clock().install();

            assertThat(page.navigate(link(erna)).status()).isEqualTo(200);
            assertThat(heading(page)).hasText(early);
            Locator starts = page.locator("time#starts");
            assertThat(starts).hasAttribute("datetime", iso(start));
            assertThat(starts).containsText("(Europe/Vienna)");
            Locator local = page.locator("#starts-local");
            assertThat(local).isVisible();
            assertThat(local).containsText("America/New_York");
            assertThat(local)
                    .containsText(DateTimeFormatter.ofPattern(localTime).format(start.atZone(NEW_YORK)));
            assertThat(page.locator("#countdown")).hasText(Pattern.compile("0:(10:00|09:[0-5]\\d)"));
            assertThat(page.locator("body")).not().containsText("expire");
            Axe.assertNoSeriousOrCriticalViolations(page, "early arrival page (" + language + ")");
            DocScreenshots.take(page, "early-" + language);

            clock.advance(Duration.ofMinutes(10).plusSeconds(1));
            page.clock().fastForward("10:01");

            assertThat(page.getByRole(
                            AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("ich\\.app"))))
                    .isVisible();
            assertThat(page).hasURL(link(erna));
            assertThat(heading(page)).hasText(invitation);
            assertThat(page.locator("time#when")).hasAttribute("datetime", iso(start));
            assertThat(page.locator("#when-local")).containsText("America/New_York");
            DocScreenshots.take(page, "join-" + language);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("ich\\.app")))
                    .click();
            page.waitForURL(link(erna) + "/meeting");
            Locator when = page.locator("time#when");
            assertThat(when).hasAttribute("datetime", iso(start));
            assertThat(when).containsText("(Europe/Vienna)");
            assertThat(page.locator("#when-local")).containsText("America/New_York");
            assertThat(page.locator("#when-local"))
                    .containsText(DateTimeFormatter.ofPattern(localTime).format(start.atZone(NEW_YORK)));
            assertThat(page.getByTestId("meeting-page")).hasAttribute("data-state", "ready");
            Axe.assertNoSeriousOrCriticalViolations(page, "meeting page with both times (" + language + ")");
            DocScreenshots.take(page, "meeting-" + language, MEETING_PAGE_TOP);
            assertThat(guest.cspViolations())
                    .as("the times script runs under the landing's CSP")
                    .isEmpty();
        }
    }

    @Test
    void inTheMeetingsOwnZoneTheTimeIsShownOnce() {
        Fixtures.Invited vera = Fixtures.invite(
                context,
                "Vera Vienna",
                "vera@example.com",
                clock.instant().plus(OPENS_BEFORE_START).plus(Duration.ofHours(2)));
        try (GuestWindow guest = chromium.open(Locale.GERMAN, ZoneId.of("Europe/Vienna"), true)) {
            Page page = guest.page();
            page.navigate(link(vera));
            assertThat(page.locator("#countdown")).isVisible();
            assertThat(page.locator("#starts-local")).isHidden();
        }
    }

    @Test
    void withoutScriptTheEarlyPageRefreshesItselfUntilTheLinkOpens() {
        Fixtures.Invited far = Fixtures.invite(
                context,
                "Franz Far",
                "franz@example.com",
                clock.instant().plus(OPENS_BEFORE_START).plus(Duration.ofDays(2)));
        try (GuestWindow guest = chromium.open(Locale.GERMAN, NEW_YORK, false)) {
            Page page = guest.page();

            page.navigate(link(far));
            assertThat(heading(page)).hasText("Noch zu früh");
            assertThat(page.locator("meta[http-equiv=refresh]"))
                    .hasAttribute("content", "3600;url=/join/" + far.token());
            assertThat(page.locator("time#starts")).containsText("(Europe/Vienna)");
            assertThat(page.locator("#countdown")).isHidden();
            assertThat(page.locator("#starts-local")).isHidden();

            Fixtures.Invited soon = Fixtures.invite(
                    context,
                    "Sara Soon",
                    "sara@example.com",
                    clock.instant().plus(OPENS_BEFORE_START).plus(Duration.ofSeconds(4)));
            Response first = page.navigate(link(soon));
            // What the browser got first (the page may have moved on by the time the DOM is looked at).
            assertThat(first.text())
                    .contains("<h1 id=\"heading\">Noch zu früh</h1>")
                    .containsPattern("<meta http-equiv=\"refresh\" content=\"[1-4];url=/join/" + soon.token() + "\">");
            // The refresh itself: the link page with its button replaces the early page after those seconds.
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mit ich.app bestätigen")))
                    .isVisible();
            assertThat(heading(page)).hasText("Einladung zu Q3 review");
        }
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    private String link(Fixtures.Invited invited) {
        return "http://localhost:" + port + "/join/" + invited.token();
    }
}
