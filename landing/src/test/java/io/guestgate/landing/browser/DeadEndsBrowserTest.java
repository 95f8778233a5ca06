package io.guestgate.landing.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.emulator.faults.Fault;
import io.guestgate.landing.support.Fixtures;
import io.guestgate.landing.support.LandingTestApplication;
import io.guestgate.landing.support.TestWorld;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Pages that turn a guest away, in real Chromium, German and English: each offers the one step that can help, a way
 * back to the invitation where a fresh attempt can, or the organizer by name where only they can. The identity
 * provider here shows a sign-in form (mock-oauth2-server's interactive login), as ich.app does, so the browser's Back
 * button can lead to it again.
 */
@SpringBootTest(classes = LandingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadEndsBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MockOAuth2Server PROVIDER = signInForm();

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Map<String, String> properties =
                new LinkedHashMap<>(TestWorld.properties("http://localhost", "guest-issuer", "email"));
        properties.put(
                "spring.security.oauth2.client.provider.ichapp.issuer-uri",
                PROVIDER.issuerUrl(TestWorld.ISSUER_ID).toString());
        TestWorld.register(registry, properties);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    InvitationStore invitations;

    @AfterAll
    static void stopProvider() {
        PROVIDER.shutdown();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | The identity check did not complete | Start again from your invitation | Invitation to Q3 review",
                "de | Die Identitätsprüfung wurde nicht abgeschlossen | Neu beginnen mit Ihrer Einladung"
                        + " | Einladung zu Q3 review"
            })
    void backFromTheMeetingPageToTheProviderLeadsBackToTheInvitation(
            String language, String failed, String startAgain, String invitation) {
        Fixtures.Invited anna = Fixtures.invite(context, "Anna Müller", "anna@example.com");
        Map<String, Object> claims = Map.of("name", "Anna Müller", "email", "anna@example.com", "email_verified", true);
        try (GuestWindow guest = chromium.open(Locale.forLanguageTag(language))) {
            Page page = guest.page();
            page.navigate(link(anna));
            pressVerify(page);
            signIn(page, "anna-" + anna.invitation().id(), claims);
            assertThat(page).hasURL(link(anna) + "/meeting");

            page.goBack();
            // The provider's form again, as the browser kept it.
            assertThat(page.locator("input[name=username]")).isVisible();
            Response answer = page.waitForResponse(
                    response -> response.url().endsWith("/login/failed"),
                    () -> signIn(page, "anna-" + anna.invitation().id(), claims));

            assertThat(answer.status()).isEqualTo(401);
            assertThat(heading(page)).hasText(failed);
            Locator next = nextStep(page);
            assertThat(next).hasText(startAgain);
            assertThat(next).hasAttribute("href", "/join/" + anna.token());
            Axe.assertNoSeriousOrCriticalViolations(page, "identity check failed, after Back (" + language + ")");

            next.click();
            assertThat(heading(page)).hasText(invitation);
            pressVerify(page);
            signIn(page, "anna-" + anna.invitation().id(), claims);
            assertThat(page).hasURL(link(anna) + "/meeting");
            assertThat(page.getByTestId("display-name")).hasText("Anna Müller");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | This invitation is for someone else | This invitation is already in use"
                        + " | Your email address is not confirmed | This invitation is no longer valid"
                        + " | Ask the organizer, | Start again from your invitation",
                "de | Diese Einladung gilt für jemand anderen | Diese Einladung wird schon verwendet"
                        + " | Ihre E-Mail-Adresse ist nicht bestätigt | Diese Einladung gilt nicht mehr"
                        + " | Organisation fragen: | Neu beginnen mit Ihrer Einladung"
            })
    void everyRefusalOffersTheOneStepThatCanHelp(
            String language,
            String someoneElse,
            String inUse,
            String unconfirmed,
            String gone,
            String askOrganizer,
            String startAgain) {
        String organizer = TestWorld.seed().organizer().displayName();
        String organizerMail = TestWorld.seed().organizer().email();
        Fixtures.Invited bob = Fixtures.invite(context, "Bob Bauer", "bob@example.org");
        Fixtures.Invited carl = Fixtures.invite(context, "Carl Held", "carl@example.com");
        Fixtures.Invited dora = Fixtures.invite(context, "Dora Unconfirmed", "dora@example.com");
        Fixtures.Invited rita = Fixtures.invite(context, "Rita Revoked", "rita@example.com");
        invitations.revoke(rita.invitation().id()).block();
        Locale locale = Locale.forLanguageTag(language);

        try (GuestWindow carlFirst = chromium.open(locale)) {
            carlFirst.page().navigate(link(carl));
            pressVerify(carlFirst.page());
            signIn(
                    carlFirst.page(),
                    "carl-" + carl.invitation().id(),
                    Map.of("name", "Carl Held", "email", "carl@example.com", "email_verified", true));
            assertThat(carlFirst.page()).hasURL(link(carl) + "/meeting");
        }

        try (GuestWindow guest = chromium.open(locale)) {
            Page page = guest.page();

            assertRefusal(
                    page,
                    bob,
                    "mallory",
                    Map.of("name", "Mallory Impostor", "email", "mallory@evil.example", "email_verified", true),
                    403,
                    someoneElse);
            assertAsksTheOrganizer(page, askOrganizer, organizer, organizerMail);
            DocScreenshots.take(page, "refused-" + language);
            Axe.assertNoSeriousOrCriticalViolations(page, "someone else's invitation (" + language + ")");

            assertRefusal(
                    page,
                    carl,
                    "carl-twin",
                    Map.of("name", "Carl Held", "email", "carl@example.com", "email_verified", true),
                    403,
                    inUse);
            assertAsksTheOrganizer(page, askOrganizer, organizer, organizerMail);
            Axe.assertNoSeriousOrCriticalViolations(page, "invitation in use (" + language + ")");

            assertRefusal(
                    page,
                    dora,
                    "dora",
                    Map.of("name", "Dora Unconfirmed", "email", "dora@example.com", "email_verified", false),
                    403,
                    unconfirmed);
            assertThat(nextStep(page)).hasText(startAgain);
            assertThat(nextStep(page)).hasAttribute("href", "/join/" + dora.token());
            Axe.assertNoSeriousOrCriticalViolations(page, "email not confirmed (" + language + ")");

            assertThat(page.navigate(link(rita)).status()).isEqualTo(410);
            assertThat(heading(page)).hasText(gone);
            assertAsksTheOrganizer(page, askOrganizer, organizer, organizerMail);
            Axe.assertNoSeriousOrCriticalViolations(page, "invitation no longer valid (" + language + ")");

            assertThat(page.navigate(link(dora) + "/no-such-page").status()).isEqualTo(404);
            assertThat(nextStep(page)).hasAttribute("href", "/join/" + dora.token());
            assertThat(nextStep(page)).containsText(startAgain);
            Axe.assertNoSeriousOrCriticalViolations(page, "error page under a link (" + language + ")");
            nextStep(page).click();
            assertThat(page.getByRole(
                            AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("ich\\.app"))))
                    .isVisible();

            assertThat(page.navigate(origin() + "/no-such-page").status()).isEqualTo(404);
            // No link is known here: nothing to lead back to.
            assertThat(nextStep(page)).hasCount(0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | The organizer cannot be asked right now | Start again from your invitation"
                        + " | Webex could not open a link right now | Back to the meeting page | Open in Webex instead",
                "de | Die Organisation ist gerade nicht erreichbar | Neu beginnen mit Ihrer Einladung"
                        + " | Webex konnte gerade keinen Link öffnen | Zurück zur Meeting-Seite"
                        + " | Stattdessen in Webex öffnen"
            })
    void whenWebexFailsThePageSaysSoAndOffersTheWayOn(
            String language,
            String unreachable,
            String startAgain,
            String noLink,
            String meetingPage,
            String openInWebex) {
        Locale locale = Locale.forLanguageTag(language);
        // A guest the organizer admits themselves, while Webex takes no card.
        Fixtures.Invited otto =
                Fixtures.invite(context, new Invitee("Otto Ohne", "otto-" + language + "@example.com", null, true));
        Fixtures.Invited vera = Fixtures.invite(context, "Vera Verified", "vera-" + language + "@example.com");

        try (GuestWindow guest = chromium.open(locale)) {
            Page page = guest.page();
            TestWorld.webex().injectFault(Fault.status("POST /v1/messages", 400, 1));
            assertRefusal(
                    page,
                    otto,
                    "otto",
                    Map.of("name", "Otto O.", "email", "otto@private.example", "email_verified", true),
                    503,
                    unreachable);
            assertThat(nextStep(page)).hasText(startAgain);
            assertThat(nextStep(page)).hasAttribute("href", "/join/" + otto.token());
            assertThat(TestWorld.webex().pendingFaults())
                    .as("the card was the message Webex refused")
                    .isEmpty();
            Axe.assertNoSeriousOrCriticalViolations(page, "organizer unreachable (" + language + ")");

            page.navigate(link(vera));
            pressVerify(page);
            signIn(
                    page,
                    "vera-" + vera.invitation().id(),
                    Map.of(
                            "name",
                            "Vera Verified",
                            "email",
                            "vera-" + language + "@example.com",
                            "email_verified",
                            true));
            assertThat(page).hasURL(link(vera) + "/meeting");
            // The organizer of these meetings never linked their Webex account here: Webex gives no join link.
            Response failed = page.waitForResponse(
                    response -> response.url().endsWith("/webex-link"),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(openInWebex))
                            .click());
            assertThat(failed.status()).isEqualTo(502);
            assertThat(heading(page)).hasText(noLink);
            assertThat(nextStep(page)).hasText(meetingPage);
            Axe.assertNoSeriousOrCriticalViolations(page, "no Webex link (" + language + ")");
            nextStep(page).click();
            assertThat(page).hasURL(link(vera) + "/meeting");
        }
    }

    @Test
    void verifyOnALinkPageLeftOpenPastItsSessionLeadsBackToTheLinkPage() {
        Fixtures.Invited eva = Fixtures.invite(context, "Eva Later", "eva@example.com");
        try (GuestWindow guest = chromium.open(Locale.ENGLISH)) {
            Page page = guest.page();
            page.navigate(link(eva));
            // The session (and the form's CSRF token with it) ran out while the page stood open.
            guest.context().clearCookies();

            Response answer = page.waitForResponse(
                    response -> response.url().endsWith("/verify"),
                    () -> page.getByRole(
                                    AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("ich\\.app")))
                            .click());

            assertThat(answer.status()).isEqualTo(303);
            assertThat(page).hasURL(link(eva));
            assertThat(heading(page)).hasText("Invitation to Q3 review");
            pressVerify(page);
        }
    }

    private void assertRefusal(
            Page page,
            Fixtures.Invited invited,
            String subject,
            Map<String, Object> claims,
            int status,
            String heading) {
        page.navigate(link(invited));
        pressVerify(page);
        Response refused = page.waitForResponse(
                response -> response.url().endsWith("/admission"),
                () -> signIn(page, subject + "-" + invited.invitation().id(), claims));
        assertThat(refused.status()).isEqualTo(status);
        assertThat(heading(page)).hasText(heading);
    }

    private static void assertAsksTheOrganizer(Page page, String askOrganizer, String organizer, String mail) {
        Locator next = nextStep(page);
        assertThat(next).hasText(askOrganizer + " " + organizer);
        assertThat(next).hasAttribute("href", "mailto:" + mail + "?subject=Q3%20review");
    }

    private static void pressVerify(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("ich\\.app")))
                .click();
        assertThat(page.locator("input[name=username]")).isVisible();
    }

    /** Fills in the provider's sign-in form: who the provider vouches for, and with which claims. */
    private static void signIn(Page page, String subject, Map<String, Object> claims) {
        page.locator("input[name=username]").fill(subject);
        page.locator("textarea[name=claims]").fill(JSON.writeValueAsString(claims));
        page.locator("input[type=submit]").click();
        page.waitForURL(Pattern.compile("^http://localhost:\\d+/(join/.+|login/.+)$"));
    }

    private static Locator nextStep(Page page) {
        return page.locator("#next-step");
    }

    private static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    private String link(Fixtures.Invited invited) {
        return origin() + "/join/" + invited.token();
    }

    private String origin() {
        return "http://localhost:" + port;
    }

    private static MockOAuth2Server signInForm() {
        MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(true));
        server.start();
        return server;
    }
}
