package io.guestgate.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole product as a person drives it in the sandbox, in Debian's Chromium: the organizer links the Webex
 * account through the emulator's consent page, creates a meeting, invites Anna by command and Bob through the
 * meeting card's form in the console; Anna's invitation arrives in the mailbox, she opens its link, verifies at the
 * identity provider and lands on the meeting page in her verified name, and GuestGate lets her in from the emulator's
 * lobby; a stranger knocking as Anna from the console stays in the lobby and the organizer gets a card; someone
 * verifying as Eve on Bob's link is refused; the console shows the bot's notice about each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxEndToEndTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** The machine running the tests may be busy: every wait in the browser allows this long. */
    private static final double TIMEOUT_MS = 60_000;

    private ConfigurableApplicationContext context;
    private SandboxWorld world;
    private Playwright playwright;
    private Browser browser;

    @BeforeAll
    void start() {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("Debian's chromium at " + CHROMIUM + " (scripts/test installs it)")
                .isTrue();
        // As scripts/sandbox starts it, with Redis as the sandbox finds it (the local server in CI), but every other
        // port free, as tests run side by side.
        context = SandboxApplication.application()
                .run(
                        "--server.port=0",
                        "--guestgate.sandbox.ports.emulator=0",
                        "--guestgate.sandbox.ports.identity-provider=0",
                        "--guestgate.sandbox.ports.smtp=0",
                        "--guestgate.sandbox.ports.imap=0");
        world = context.getBean(SandboxWorld.class);
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (context != null) {
            context.close();
        }
    }

    @Test
    void organizerInvitesAnnaWhoVerifiesAndJoinsWhileSomeoneElseOnAnotherLinkIsRefused() {
        BrowserContext organizer = newPerson();
        Page console = organizer.newPage();
        console.navigate(world.publicBaseUrl() + "/sandbox/console");
        try {
            flow(organizer, console);
        } catch (AssertionError | RuntimeException failure) {
            // The conversation says most about where the flow stopped.
            throw new AssertionError(
                    failure.getMessage() + "\n--- console ---\n"
                            + String.join("\n", console.locator("li.message").allInnerTexts()),
                    failure);
        }
    }

    private void flow(BrowserContext organizer, Page console) {
        // 1. login: the bot answers with a link that leads through the emulator's authorize (consent) step.
        say(console, "login");
        Locator loginLink =
                botMessages(console).locator("a[href*='/oauth/webex/start']").last();
        assertThat(loginLink).isVisible();
        Page webex = organizer.waitForPage(loginLink::click);
        webex.locator("button[name=personId]", new Page.LocatorOptions().setHasText("olivia.organizer@example.com"))
                .click();
        webex.waitForURL(Pattern.compile(".*/oauth/webex/callback.*"));
        assertThat(webex.locator("body")).containsText("Webex account linked");
        webex.close();

        // The help reads as a list, as in Webex, not as lines starting with "- ".
        say(console, "help");
        Locator help = botMessages(console)
                .filter(new Locator.FilterOptions().setHasText("create"))
                .last();
        assertThat(help.locator("ul.md-list li").first()).isVisible();
        org.assertj.core.api.Assertions.assertThat(help.locator(".body").innerText())
                .as("no line of the help starts with a literal '- '")
                .doesNotContainPattern("(?m)^- ");

        // 2. create a meeting, 3. invite Anna, and Bob on an invitation of his own.
        say(console, "create E2E review | tomorrow 10:00 | 30m");
        assertThat(botMessages(console)
                        .filter(new Locator.FilterOptions().setHasText("E2E review"))
                        .first())
                .isVisible();
        Locator sent = botMessages(console).filter(new Locator.FilterOptions().setHasText("invitation sent"));
        say(console, "add Anna Muster <anna@example.test>");
        assertThat(sent).hasCount(1);
        // Bob through the meeting card's form: the card renders, and its button submits an attachment action.
        Locator card = botMessages(console)
                .filter(new Locator.FilterOptions().setHasText("Meeting created"))
                .first()
                .locator(".card")
                .first();
        card.locator("button", new Locator.LocatorOptions().setHasText("Add participants"))
                .click();
        card.locator("textarea").fill("Bob Beispiel <bob@example.test>");
        card.locator("button", new Locator.LocatorOptions().setHasText("Invite"))
                .click();
        assertThat(card.locator(".card-status")).hasText("Submitted; the bot answers in the chat.");
        assertThat(sent).hasCount(2);

        // 4. The invitations arrive in the mailbox; Anna's link is opened from there.
        Page mailbox = organizer.newPage();
        mailbox.navigate(world.publicBaseUrl() + "/sandbox/mailbox");
        Locator annasLink = invitationLink(mailbox, "anna@example.test");
        Locator bobsLink = invitationLink(mailbox, "bob@example.test");
        String bobsUrl = bobsLink.getAttribute("href");
        assertThat(annasLink.getAttribute("href")).isNotEqualTo(bobsUrl);

        Page anna = organizer.waitForPage(annasLink::click);
        verify(anna, "Anna Muster", "anna@example.test");
        Locator room = anna.locator("[data-testid=sandbox-room]");
        assertThat(room.locator("[data-testid=display-name]")).hasText("Anna Muster");
        // The sandbox room joins the emulator's lobby with her token; GuestGate lets her in, nobody presses anything.
        long shown = System.nanoTime();
        assertThat(anna.getByTestId("lobby-state")).hasAttribute("data-lobby-state", "admitted");
        System.out.printf(
                "Sandbox: Anna's page showed 'admitted' %d ms after the meeting room%n",
                (System.nanoTime() - shown) / 1_000_000);
        assertThat(anna.getByTestId("lobby-state")).containsText("You are in the meeting");
        assertThat(console.locator("#lobby li.lobby-person[data-state=joined]")
                        .filter(new Locator.FilterOptions().setHasText("Anna Muster")))
                .hasCount(1);

        // Someone who got hold of the meeting's address knocks as Anna: they stay in the lobby, and the organizer
        // gets a card in the console.
        console.locator("#knock-name").fill("Anna Muster");
        console.locator("#knock-email").fill("anna@example.test");
        console.locator("#knock-send").click();
        assertThat(console.locator("#lobby li.lobby-person[data-state=lobby]")
                        .filter(new Locator.FilterOptions().setHasText("Anna Muster")))
                .hasCount(1);
        Locator knockCard = botMessages(console)
                .filter(new Locator.FilterOptions()
                        .setHasText("Someone is waiting in the lobby of E2E review as 'Anna Muster'"));
        assertThat(knockCard.locator(".card button", new Locator.LocatorOptions().setHasText("Admit anyway")))
                .isVisible();
        assertThat(console.locator("#lobby li.lobby-person[data-state=lobby]")
                        .filter(new Locator.FilterOptions().setHasText("Anna Muster")))
                .hasCount(1);

        // 5. Someone else, in a browser of their own, opens Bob's link and verifies as Eve: refused.
        Page eve = newPerson().newPage();
        eve.navigate(bobsUrl);
        verify(eve, "Eve Evil", "eve@example.test");
        assertThat(eve.locator("body")).containsText("This invitation is for someone else");
        assertThat(eve.locator("[data-testid=sandbox-room]")).hasCount(0);

        // 6. The organizer is told about both in chat.
        assertThat(botMessages(console)
                        .filter(new Locator.FilterOptions().setHasText("Anna Muster"))
                        .filter(new Locator.FilterOptions().setHasText("is joining"))
                        .first())
                .isVisible();
        assertThat(botMessages(console)
                        .filter(new Locator.FilterOptions().setHasText("Eve Evil"))
                        .filter(new Locator.FilterOptions().setHasText("was refused"))
                        .first())
                .isVisible();

        // The bot's emoji are drawn as badges that need no emoji font (this machine may have none): no pictograph is
        // left as text anywhere in the chat, and the badge is named for screen readers.
        Locator joining = botMessages(console)
                .filter(new Locator.FilterOptions().setHasText("is joining"))
                .first();
        assertThat(joining.locator(".mark-ok")).isVisible();
        assertThat(joining.locator(".mark-ok")).hasAttribute("aria-label", "Done");
        org.assertj.core.api.Assertions.assertThat(console.locator(".messages").innerText())
                .as("no emoji left as text in the console")
                .doesNotContainPattern("[\\x{2300}-\\x{23FF}\\x{2600}-\\x{27BF}\\x{1F300}-\\x{1FAFF}]");
    }

    private BrowserContext newPerson() {
        BrowserContext person = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"));
        person.setDefaultTimeout(TIMEOUT_MS);
        person.setDefaultNavigationTimeout(TIMEOUT_MS);
        return person;
    }

    /** Writes in the console as the organizer and waits until the message shows in the space. */
    private static void say(Page console, String text) {
        console.locator("#text").fill(text);
        console.locator("#text").press("Enter");
        assertThat(console.locator("li.message.mine")
                        .filter(new Locator.FilterOptions().setHasText(text))
                        .last())
                .isVisible();
    }

    private static Locator botMessages(Page console) {
        return console.locator("li.message.bot");
    }

    /** The personal link in the newest mail to this address (the mailbox refreshes itself). */
    private static Locator invitationLink(Page mailbox, String address) {
        Locator mail = mailbox.locator("li.mail")
                .filter(new Locator.FilterOptions().setHasText(address))
                .first();
        Locator link = mail.locator("ul.links a[href*='/join/']").first();
        assertThat(link).isVisible();
        return link;
    }

    /** From the personal link's page through the identity provider's login, typed as the given person. */
    private void verify(Page page, String name, String email) {
        page.locator("form#verify button[type=submit]").click();
        page.waitForURL(url -> url.startsWith(world.identityProvider().issuerUri()));
        page.locator("#name").fill(name);
        page.locator("#email").fill(email);
        page.locator("#verify").click();
        page.waitForURL(url -> url.startsWith(world.publicBaseUrl()));
    }
}
