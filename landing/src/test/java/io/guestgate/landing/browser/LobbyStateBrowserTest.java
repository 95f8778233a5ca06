package io.guestgate.landing.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.lobby.GuestAtTheDoor;
import io.guestgate.domain.lobby.GuestState;
import io.guestgate.domain.lobby.LobbyStore;
import io.guestgate.landing.support.Fixtures;
import io.guestgate.landing.support.LandingTestApplication;
import io.guestgate.landing.support.TestWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The meeting page's lobby line in real Chromium, in English and German: after the token, the guest is told they will
 * be let in automatically, then sees "waiting in the lobby" and "in the meeting" as the door records it (the door
 * itself is the bot's; here its states are written to the shared store). axe finds no serious violation in any state.
 */
@SpringBootTest(classes = LandingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LobbyStateBrowserTest {

    private static Chromium chromium;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestWorld.register(registry, TestWorld.properties("http://localhost", "guest-issuer", "email"));
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    LobbyStore lobby;

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

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en-GB | Verify with ich.app | automatically | waiting in the lobby | You are in the meeting | Open in Webex",
                "de-AT | Mit ich.app bestätigen | automatisch eingelassen | Sie warten in der Lobby | Sie sind im Meeting"
                        + " | In Webex öffnen"
            })
    void theGuestSeesTheDoorLetThemIn(
            String language, String verify, String connecting, String waiting, String admitted, String openInWebex) {
        Fixtures.Invited lea = Fixtures.invite(context, "Lea Lang", "lea@example.at");
        Invitation invitation = lea.invitation();
        TestWorld.nextLogin(
                "lea-" + invitation.id(),
                Map.of("name", "Lea Lang", "email", "lea@example.at", "email_verified", true));
        try (GuestWindow guest = chromium.open(Locale.forLanguageTag(language))) {
            Page page = guest.page();
            String link = "http://localhost:" + port + "/join/" + lea.token();
            page.navigate(link);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(verify))
                    .click();
            page.waitForURL(link + "/meeting");

            Locator state = page.getByTestId("lobby-state");
            assertThat(state).hasAttribute("data-lobby-state", "connecting");
            assertThat(state).containsText(connecting);
            assertThat(state).hasAttribute("role", "status");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(openInWebex)))
                    .isVisible();
            Axe.assertNoSeriousOrCriticalViolations(page, "meeting page, connecting (" + language + ")");

            door(invitation, GuestState.LOBBY);
            assertThat(state).hasAttribute("data-lobby-state", "lobby");
            assertThat(state).containsText(waiting);
            guest.screenshot("meeting-page-lobby-" + language);
            Axe.assertNoSeriousOrCriticalViolations(page, "meeting page, in the lobby (" + language + ")");

            door(invitation, GuestState.ADMITTED);
            assertThat(state).hasAttribute("data-lobby-state", "admitted");
            assertThat(state).containsText(admitted);
            Axe.assertNoSeriousOrCriticalViolations(page, "meeting page, admitted (" + language + ")");
            assertThat(guest.cspViolations()).isEmpty();
        }
    }

    /** What the bot's door records when it sees the guest waiting, and when it let them in. */
    private void door(Invitation invitation, GuestState state) {
        lobby.putGuest(
                        invitation.meetingId(),
                        invitation.id(),
                        new GuestAtTheDoor(state, "participant-of-" + invitation.id(), Instant.now()),
                        Instant.now().plus(Duration.ofHours(1)))
                .block();
    }
}
