package io.guestgate.landing.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.approval.ApprovalStore;
import io.guestgate.domain.approval.Decision;
import io.guestgate.domain.audit.AuditLog;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.testing.MutableClock;
import io.guestgate.emulator.faults.Fault;
import io.guestgate.emulator.messages.Message;
import io.guestgate.landing.support.Browser;
import io.guestgate.landing.support.Fixtures;
import io.guestgate.landing.support.GuestFlow;
import io.guestgate.landing.support.LandingTestApplication;
import io.guestgate.landing.support.Logs;
import io.guestgate.landing.support.TestWorld;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.messages.AttachmentAction;
import io.guestgate.webex.oauth.AccessToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Match policy {@code host-approval}: the organizer gets a card with the verified identity and answers with a card
 * submit posted through the emulator ({@code POST /v1/attachment/actions}, as Webex clients do); the waiting guest's
 * page polls until the answer is in. The bot's part (read the submission as the bot, record the organizer's answer)
 * is done here the way the bot's admission handler does it, because the landing never depends on the bot; the
 * handler itself is tested in the bot module.
 */
// Levels must be known when logging starts, before dynamic properties exist: GuestGate's own debug lines are part of
// what the no-secrets-in-logs checks read.
@SpringBootTest(
        classes = LandingTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.io.guestgate=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
class HostApprovalTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Map<String, String> properties = new java.util.LinkedHashMap<>(
                TestWorld.properties("http://localhost:8080", "guest-issuer", "host-approval"));
        properties.put("guestgate.admission.approval-timeout", "5m");
        TestWorld.register(registry, properties);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApprovalStore approvals;

    @Autowired
    InvitationStore invitations;

    @Autowired
    AuditLog audit;

    @Autowired
    WebexClient webex;

    @Autowired
    MutableClock clock;

    @Test
    void organizerAdmitsTheWaitingGuest(CapturedOutput output) throws Exception {
        Fixtures.Invited hanna = Fixtures.invite(context, "Hanna Huber", "hanna@example.com");
        TestWorld.nextLogin(
                "hanna-" + hanna.invitation().id(),
                Map.of(
                        "name",
                        "Hanna Huber",
                        "email",
                        "hanna.private@example.net",
                        "email_verified",
                        true,
                        "acr",
                        "substantial"));
        Browser browser = new Browser(origin());

        GuestFlow.Login login = GuestFlow.verify(browser, origin(), hanna.token());

        assertThat(login.admission().status()).isEqualTo(303);
        assertThat(login.admission().location()).endsWith("/join/" + hanna.token() + "/waiting");
        Browser.Page waiting = browser.get(login.admission().location());
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.body()).contains("Waiting for the organizer").contains("http-equiv=\"refresh\"");
        assertThat(waiting.header("Strict-Transport-Security"))
                .as("no HSTS for an http public URL")
                .isEmpty();
        assertThat(invitations.findById(hanna.invitation().id()).block().identity())
                .as("nobody holds the link before the organizer answered")
                .isNull();

        Message card = cardTo(TestWorld.seed().organizer().id(), "Hanna Huber");
        JsonNode content = JSON.valueToTree(card.attachments().get(0)).get("content");
        assertThat(content.toString())
                .contains("hanna.private@example.net")
                .contains("substantial")
                .contains("ich.app");
        String requestId = submitFromCard(content, card.id(), "admit");

        Browser.Page admitted = browser.get(origin() + "/join/" + hanna.token() + "/waiting");
        assertThat(admitted.status()).isEqualTo(303);
        assertThat(admitted.location()).endsWith("/join/" + hanna.token() + "/meeting");
        Map<String, String> data = browser.get(admitted.location()).dataAttributes();
        Browser.Page session = browser.post(
                origin() + data.get("session-url"), Map.of(data.get("csrf-header"), data.get("csrf-token")));
        assertThat(session.status()).isEqualTo(200);
        String accessToken = JSON.readTree(session.body()).get("accessToken").asString();
        assertThat(webex.people().me(AccessToken.of(accessToken)).block().displayName())
                .isEqualTo("Hanna Huber");
        assertThat(invitations
                        .findById(hanna.invitation().id())
                        .block()
                        .identity()
                        .subject())
                .isEqualTo("hanna-" + hanna.invitation().id());
        assertThat(approvals.find(requestId).block().decidedBy())
                .isEqualTo(TestWorld.seed().organizer().id());
        Logs.assertNoSecrets(output, accessToken, hanna.token(), data.get("csrf-token"));
    }

    @Test
    void organizerDeniesTheWaitingGuest(CapturedOutput output) throws Exception {
        Fixtures.Invited ivo = Fixtures.invite(context, "Ivo Iller", "ivo@example.com");
        TestWorld.nextLogin(
                "ivo-" + ivo.invitation().id(),
                Map.of("name", "Someone Else", "email", "someone@example.net", "email_verified", true));
        Browser browser = new Browser(origin());
        GuestFlow.Login login = GuestFlow.verify(browser, origin(), ivo.token());
        assertThat(login.admission().location()).endsWith("/waiting");

        Message card = cardTo(TestWorld.seed().organizer().id(), "Someone Else");
        submitFromCard(JSON.valueToTree(card.attachments().get(0)).get("content"), card.id(), "deny");

        Browser.Page denied = browser.get(origin() + "/join/" + ivo.token() + "/waiting");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body())
                .contains("The organizer did not admit you")
                .as("only the organizer can help: the page names them")
                .contains("<a id=\"next-step\" href=\"mailto:"
                        + TestWorld.seed().organizer().email()
                        + "?subject=Q3%20review\">Ask the organizer, "
                        + TestWorld.seed().organizer().displayName()
                        + "</a>");
        assertThat(browser.get(origin() + "/join/" + ivo.token() + "/meeting").status())
                .isEqualTo(303);
        assertThat(invitations.findById(ivo.invitation().id()).block().identity())
                .isNull();
        Logs.assertNoSecrets(output, ivo.token());
    }

    @Test
    void guestIsToldWhenTheOrganizerDoesNotAnswerInTime(CapturedOutput output) {
        Fixtures.Invited jana = Fixtures.invite(context, "Jana Jung", "jana@example.com");
        TestWorld.nextLogin(
                "jana-" + jana.invitation().id(),
                Map.of("name", "Jana Jung", "email", "jana@example.com", "email_verified", true));
        Browser browser = new Browser(origin()).language("de");
        GuestFlow.Login login = GuestFlow.verify(browser, origin(), jana.token());
        assertThat(browser.get(login.admission().location()).status()).isEqualTo(200);
        Message card = cardTo(TestWorld.seed().organizer().id(), "Jana Jung");
        String requestId =
                requestIdOf(JSON.valueToTree(card.attachments().get(0)).get("content"));

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        Browser.Page timedOut = browser.get(origin() + "/join/" + jana.token() + "/waiting");
        assertThat(timedOut.status()).isEqualTo(403);
        assertThat(timedOut.body())
                .contains("Keine Antwort der Organisation")
                .as("asking again can help: the page leads back to the link")
                .contains(
                        "<a id=\"next-step\" href=\"/join/" + jana.token() + "\">Neu beginnen mit Ihrer Einladung</a>");
        assertThat(approvals
                        .decide(requestId, TestWorld.seed().organizer().id(), true)
                        .block())
                .as("a late answer changes nothing")
                .isInstanceOf(Decision.TimedOut.class);
        assertThat(audit.latest(100)
                        .filter(e -> jana.invitation().id().equals(e.invitationId()))
                        .map(e -> e.outcome())
                        .collectList()
                        .block())
                .contains("awaiting-organizer", "timed-out");
        Logs.assertNoSecrets(output, jana.token());
    }

    @Test
    void guestIsToldWhenTheOrganizerCannotBeAsked(CapturedOutput output) {
        Fixtures.Invited karl = Fixtures.invite(context, "Karl Kern", "karl@example.com");
        TestWorld.nextLogin(
                "karl-" + karl.invitation().id(),
                Map.of("name", "Karl Kern", "email", "karl@example.com", "email_verified", true));
        TestWorld.webex().injectFault(Fault.status("POST /v1/messages", 503, 1));
        Browser browser = new Browser(origin());

        GuestFlow.Login login = GuestFlow.verify(browser, origin(), karl.token());

        assertThat(login.admission().status()).isEqualTo(503);
        assertThat(login.admission().body())
                .contains("The organizer cannot be asked right now")
                .contains(
                        "<a id=\"next-step\" href=\"/join/" + karl.token() + "\">Start again from your invitation</a>");
        assertThat(TestWorld.webex().pendingFaults()).isEmpty();
        assertThat(audit.latest(100)
                        .filter(e -> karl.invitation().id().equals(e.invitationId()))
                        .map(e -> e.outcome())
                        .collectList()
                        .block())
                .containsExactly("organizer-unreachable");
        Logs.assertNoSecrets(output, karl.token());
    }

    @Test
    void theSameGuestVerifyingAgainWaitsOnTheOneOpenCard(CapturedOutput output) throws Exception {
        Fixtures.Invited lena = Fixtures.invite(context, "Lena Lang", "lena@example.com");
        Map<String, Object> claims = Map.of("name", "Lena Lang", "email", "lena@example.com", "email_verified", true);
        TestWorld.nextLogin("lena-" + lena.invitation().id(), claims);
        Browser firstTab = new Browser(origin());
        GuestFlow.Login first = GuestFlow.verify(firstTab, origin(), lena.token());
        assertThat(first.admission().location()).endsWith("/waiting");

        TestWorld.nextLogin("lena-" + lena.invitation().id(), claims);
        Browser secondDevice = new Browser(origin());
        GuestFlow.Login second = GuestFlow.verify(secondDevice, origin(), lena.token());

        assertThat(second.admission().status()).isEqualTo(303);
        assertThat(second.admission().location()).endsWith("/join/" + lena.token() + "/waiting");
        assertThat(secondDevice.get(second.admission().location()).body()).contains("Waiting for the organizer");
        List<Message> cards = cardsTo(TestWorld.seed().organizer().id(), "Lena Lang");
        assertThat(cards).as("one open card per invitation").hasSize(1);

        submitFromCard(
                JSON.valueToTree(cards.get(0).attachments().get(0)).get("content"),
                cards.get(0).id(),
                "admit");

        for (Browser tab : List.of(firstTab, secondDevice)) {
            Browser.Page admitted = tab.get(origin() + "/join/" + lena.token() + "/waiting");
            assertThat(admitted.status()).isEqualTo(303);
            assertThat(admitted.location()).endsWith("/join/" + lena.token() + "/meeting");
        }
        Logs.assertNoSecrets(output, lena.token());
    }

    @Test
    void someoneElseVerifyingWhileACardIsOpenIsRefused(CapturedOutput output) {
        Fixtures.Invited mia = Fixtures.invite(context, "Mia Maier", "mia@example.com");
        TestWorld.nextLogin(
                "mia-" + mia.invitation().id(),
                Map.of("name", "Mia Maier", "email", "mia@example.com", "email_verified", true));
        Browser mias = new Browser(origin());
        assertThat(GuestFlow.verify(mias, origin(), mia.token()).admission().location())
                .endsWith("/waiting");

        TestWorld.nextLogin(
                "mallory-" + mia.invitation().id(),
                Map.of("name", "Mallory Mimic", "email", "mallory@example.net", "email_verified", true));
        GuestFlow.Login mallory = GuestFlow.verify(new Browser(origin()), origin(), mia.token());

        assertThat(mallory.admission().status()).isEqualTo(403);
        assertThat(mallory.admission().body()).contains("This invitation is already in use");
        assertThat(cardsTo(TestWorld.seed().organizer().id(), "Mallory Mimic"))
                .as("no card about Mallory")
                .isEmpty();
        assertThat(cardsTo(TestWorld.seed().organizer().id(), "Mia Maier")).hasSize(1);
        assertThat(mias.get(origin() + "/join/" + mia.token() + "/waiting").body())
                .as("Mia still waits on her card")
                .contains("Waiting for the organizer");
        Logs.assertNoSecrets(output, mia.token());
    }

    @Test
    void aGuestWhoseCardCouldNotBeSentGetsACardOnTheNextAttempt(CapturedOutput output) {
        Fixtures.Invited nils = Fixtures.invite(context, "Nils Neu", "nils@example.com");
        Map<String, Object> claims = Map.of("name", "Nils Neu", "email", "nils@example.com", "email_verified", true);
        TestWorld.nextLogin("nils-" + nils.invitation().id(), claims);
        TestWorld.webex().injectFault(Fault.status("POST /v1/messages", 503, 1));
        assertThat(GuestFlow.verify(new Browser(origin()), origin(), nils.token())
                        .admission()
                        .status())
                .isEqualTo(503);

        TestWorld.nextLogin("nils-" + nils.invitation().id(), claims);
        GuestFlow.Login again = GuestFlow.verify(new Browser(origin()), origin(), nils.token());

        assertThat(again.admission().location()).endsWith("/waiting");
        assertThat(cardsTo(TestWorld.seed().organizer().id(), "Nils Neu")).hasSize(1);
        Logs.assertNoSecrets(output, nils.token());
    }

    private String origin() {
        return "http://localhost:" + port;
    }

    /** The newest admission card the bot sent this person about this guest. */
    private static Message cardTo(String personId, String guestName) {
        List<Message> cards = cardsTo(personId, guestName);
        assertThat(cards).as("an admission card about %s", guestName).isNotEmpty();
        return cards.get(cards.size() - 1);
    }

    /** Every admission card the bot sent this person about this guest, oldest first. */
    private static List<Message> cardsTo(String personId, String guestName) {
        return TestWorld.webex().messages().stream()
                .filter(m -> personId.equals(m.toPersonId()) && !m.attachments().isEmpty())
                .filter(m -> m.markdown() != null && m.markdown().contains(guestName))
                .toList();
    }

    private static String requestIdOf(JsonNode card) {
        return card.get("actions").get(0).get("data").get("requestId").asString();
    }

    /**
     * The organizer presses a button: their Webex client posts the card's data as the submission's inputs. Then the
     * bot's part: read the submission as the bot, and record the answer for the person Webex says pressed it.
     */
    private String submitFromCard(JsonNode card, String messageId, String decision) throws Exception {
        JsonNode button = null;
        for (JsonNode action : card.get("actions")) {
            if (decision.equals(action.get("data").get("decision").asString())) {
                button = action;
            }
        }
        assertThat(button).as("a %s button", decision).isNotNull();
        assertThat(button.get("data").get("action").asString()).isEqualTo("admission");
        String body = JSON.writeValueAsString(Map.of(
                "type", "submit", "messageId", messageId, "inputs", JSON.treeToValue(button.get("data"), Map.class)));
        HttpResponse<String> posted = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(TestWorld.webex().apiBaseUrl() + "/attachment/actions"))
                                .header(
                                        "Authorization",
                                        "Bearer " + TestWorld.seed().organizer().accessToken())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(202);
        String actionId = JSON.readTree(posted.body()).get("id").asString();

        AttachmentAction action = webex.attachmentActions()
                .get(AccessToken.of(TestWorld.seed().bot().accessToken()), actionId)
                .block();
        Decision recorded = approvals
                .decide(action.input("requestId"), action.personId(), "admit".equals(action.input("decision")))
                .block();
        assertThat(recorded).isInstanceOf(Decision.Recorded.class);
        return action.input("requestId");
    }
}
