package io.guestgate.landing.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.guestgate.domain.approval.ApprovalStore;
import io.guestgate.domain.testing.MutableClock;
import io.guestgate.emulator.messages.Message;
import io.guestgate.landing.support.Fixtures;
import io.guestgate.landing.support.LandingTestApplication;
import io.guestgate.landing.support.TestWorld;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
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
 * Under {@code host-approval}, in real Chromium, German and English: the waiting page moves on by itself to the
 * organizer's answer, and the pages for no answer and for a denial offer the one step that can help.
 */
@SpringBootTest(classes = LandingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganizerAnswerBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration APPROVAL_TIMEOUT = Duration.ofMinutes(5);

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestWorld.register(registry, TestWorld.properties("http://localhost", "guest-issuer", "host-approval"));
        registry.add("guestgate.admission.approval-timeout", () -> APPROVAL_TIMEOUT.toMinutes() + "m");
        // The waiting page reloads itself this often: soon after the timeout it shows what became of the wait.
        registry.add("guestgate.admission.approval-poll-interval", () -> "1s");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApprovalStore approvals;

    @Autowired
    MutableClock clock;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | No answer from the organizer | Start again from your invitation | Invitation to Q3 review",
                "de | Keine Antwort der Organisation | Neu beginnen mit Ihrer Einladung | Einladung zu Q3 review"
            })
    void noAnswerInTimeLeadsBackToTheInvitation(String language, String heading, String startAgain, String invitation) {
        Fixtures.Invited nina = Fixtures.invite(context, "Nina Noanswer", "nina@example.com");
        try (GuestWindow guest = chromium.open(Locale.forLanguageTag(language))) {
            Page page = guest.page();
            waitForTheOrganizer(page, nina, "Nina Noanswer");

            clock.advance(APPROVAL_TIMEOUT.plusSeconds(1));

            assertThat(heading(page)).hasText(heading);
            Locator next = page.locator("#next-step");
            assertThat(next).hasText(startAgain);
            assertThat(next).hasAttribute("href", "/join/" + nina.token());
            Axe.assertNoSeriousOrCriticalViolations(page, "no answer from the organizer (" + language + ")");
            next.click();
            assertThat(heading(page)).hasText(invitation);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | The organizer did not admit you | Ask the organizer,",
                "de | Sie wurden nicht zugelassen | Organisation fragen:"
            })
    void aDenialNamesTheOrganizer(String language, String heading, String askOrganizer) {
        Fixtures.Invited dan = Fixtures.invite(context, "Dan Denied", "dan@example.com");
        try (GuestWindow guest = chromium.open(Locale.forLanguageTag(language))) {
            Page page = guest.page();
            waitForTheOrganizer(page, dan, "Dan Denied");

            approvals
                    .decide(
                            requestIdOnTheCardAbout("Dan Denied"),
                            TestWorld.seed().organizer().id(),
                            false)
                    .block();

            assertThat(heading(page)).hasText(heading);
            Locator next = page.locator("#next-step");
            assertThat(next)
                    .hasText(askOrganizer + " " + TestWorld.seed().organizer().displayName());
            assertThat(next)
                    .hasAttribute(
                            "href", "mailto:" + TestWorld.seed().organizer().email() + "?subject=Q3%20review");
            Axe.assertNoSeriousOrCriticalViolations(page, "denied by the organizer (" + language + ")");
        }
    }

    private void waitForTheOrganizer(Page page, Fixtures.Invited invited, String name) {
        TestWorld.nextLogin(
                name + "-" + invited.invitation().id(),
                Map.of("name", name, "email", invited.invitation().invitee().email(), "email_verified", true));
        page.navigate("http://localhost:" + port + "/join/" + invited.token());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("ich\\.app")))
                .click();
        page.waitForURL(Pattern.compile("/join/[^/]+/waiting$"));
    }

    /** The request id behind the buttons of the newest admission card the organizer got about {@code name}. */
    private static String requestIdOnTheCardAbout(String name) {
        String organizer = TestWorld.seed().organizer().id();
        List<Message> cards = TestWorld.webex().messages().stream()
                .filter(m ->
                        organizer.equals(m.toPersonId()) && !m.attachments().isEmpty())
                .filter(m -> m.markdown() != null && m.markdown().contains(name))
                .toList();
        return JSON.valueToTree(cards.get(cards.size() - 1).attachments().get(0))
                .get("content")
                .get("actions")
                .get(0)
                .get("data")
                .get("requestId")
                .asString();
    }

    private static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }
}
