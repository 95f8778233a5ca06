package io.guestgate.bot.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.bot.BotTestApplication;
import io.guestgate.bot.BotTestWorld;
import io.guestgate.domain.approval.ApprovalRequest;
import io.guestgate.domain.approval.ApprovalStatus;
import io.guestgate.domain.approval.ApprovalStore;
import io.guestgate.domain.audit.AuditLog;
import io.guestgate.domain.invitation.AddResult;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.invitation.VerifiedIdentity;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStatus;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.platform.webex.OrganizerNotifier;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.oauth.AccessToken;
import io.guestgate.webex.webhooks.CreateWebhookRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organizer's answer on a host-approval card, the whole way: the bot sends the card, the person presses a button
 * in their Webex client ({@code POST /v1/attachment/actions} on the emulator), the emulator delivers the signed
 * {@code attachmentActions:created} webhook to the bot's intake, which reads the submission and dispatches it here.
 */
@SpringBootTest(classes = BotTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdmissionCardHandlerTest {

    @RegisterExtension
    static final WebexEmulatorExtension WEBEX = BotTestWorld.emulator();

    static final Duration PROCESSING = Duration.ofSeconds(15);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static String secret;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        secret = BotTestWorld.register(registry, WEBEX.get());
    }

    @LocalServerPort
    int port;

    @Autowired
    ApprovalStore approvals;

    @Autowired
    MeetingStore meetings;

    @Autowired
    InvitationStore invitations;

    @Autowired
    OrganizerNotifier notifier;

    @Autowired
    WebexClient webex;

    @Autowired
    AuditLog audit;

    @BeforeEach
    void webhookToThisInstance() {
        AccessToken bot = AccessToken.of(WEBEX.get().seed().bot().accessToken());
        String target = "http://127.0.0.1:" + port + "/webhooks/webex";
        boolean registered = webex.webhooks()
                .list(bot)
                .any(hook -> target.equals(hook.targetUrl()))
                .block();
        if (!registered) {
            webex.webhooks()
                    .create(
                            bot,
                            CreateWebhookRequest.of("guestgate-cards", target, "attachmentActions", "created", secret))
                    .block();
        }
    }

    @Test
    void organizerAdmitsWithTheCardButton() throws Exception {
        EmulatorSeed.Person organizer = WEBEX.get().seed().organizer();
        ApprovalRequest request = waitingGuest("Anna Müller");
        String cardId = sendCard(organizer.id(), request, "de");

        submit(organizer, cardId, request, "admit", "de");

        await().atMost(PROCESSING)
                .until(() -> approvals.find(request.id()).block().status() != ApprovalStatus.PENDING);
        ApprovalRequest answered = approvals.find(request.id()).block();
        assertThat(answered.status()).isEqualTo(ApprovalStatus.ADMITTED);
        assertThat(answered.decidedBy()).isEqualTo(organizer.id());
        assertThat(awaitReplyTo(organizer.id(), "zugelassen")).contains("Anna Müller");
        assertThat(audit.latest(50)
                        .filter(e -> e.type().equals("approval")
                                && request.invitationId().equals(e.invitationId()))
                        .map(e -> e.outcome())
                        .collectList()
                        .block())
                .containsExactly("admitted");
    }

    @Test
    void organizerDeniesAndASecondClickChangesNothing() throws Exception {
        EmulatorSeed.Person organizer = WEBEX.get().seed().organizer();
        ApprovalRequest request = waitingGuest("Bruno Bold");
        String cardId = sendCard(organizer.id(), request, "en");

        submit(organizer, cardId, request, "deny", "en");
        awaitReplyTo(organizer.id(), "You denied **Bruno Bold**");
        submit(organizer, cardId, request, "admit", "en");

        assertThat(awaitReplyTo(organizer.id(), "You already denied")).contains("Bruno Bold");
        assertThat(approvals.find(request.id()).block().status()).isEqualTo(ApprovalStatus.DENIED);
    }

    @Test
    void someoneOtherThanTheOrganizerCannotAnswer() throws Exception {
        EmulatorSeed.Person peter = WEBEX.get().seed().secondPerson();
        ApprovalRequest request = waitingGuest("Clara Clever");
        // A copy of the card reaches Peter (say, forwarded); his click must not count.
        String cardId = sendCard(peter.id(), request, "en");

        submit(peter, cardId, request, "admit", "en");

        assertThat(awaitReplyTo(peter.id(), "Only the meeting's organizer")).isNotEmpty();
        assertThat(approvals.find(request.id()).block().status()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void aCardWithoutAValidRequestIsAnsweredPlainly() throws Exception {
        EmulatorSeed.Person organizer = WEBEX.get().seed().organizer();
        ApprovalRequest request = waitingGuest("Dora Doubt");
        String cardId = sendCard(organizer.id(), request, "en");

        postSubmission(
                organizer,
                cardId,
                Map.of("action", "admission", "requestId", "../../x", "decision", "admit", "lang", "en"));

        assertThat(awaitReplyTo(organizer.id(), "This card could not be read")).isNotEmpty();
        assertThat(approvals.find(request.id()).block().status()).isEqualTo(ApprovalStatus.PENDING);
    }

    /** A verified guest waiting for the seed organizer's answer, as the landing leaves them. */
    private ApprovalRequest waitingGuest(String verifiedName) {
        EmulatorSeed.Person organizer = WEBEX.get().seed().organizer();
        Instant start = Instant.now();
        Meeting meeting = new Meeting(
                MeetingStore.newId(),
                new Meeting.Organizer(organizer.id(), organizer.email(), organizer.displayName()),
                "Q3 review",
                start,
                start.plus(Duration.ofHours(1)),
                ZoneId.of("Europe/Vienna"),
                new Meeting.WebexMeeting("w-1", "2550123456", null, "2550123456@guestgate-sandbox.webex.com"),
                0,
                MeetingStatus.SCHEDULED,
                start);
        meetings.save(meeting).block();
        Invitation invitation = Objects.requireNonNull(invitations
                .add(meeting, new Invitee("Invited Guest", "guest@example.com"))
                .map(AddResult::invitation)
                .block());
        VerifiedIdentity identity = new VerifiedIdentity(
                "https://idp.example",
                "sub-" + invitation.id(),
                verifiedName,
                "someone@example.net",
                true,
                "high",
                "ich.app");
        return approvals
                .open(invitation, meeting, identity, Duration.ofMinutes(5))
                .block();
    }

    /** The card the landing sends: Admit and Deny, each carrying the action, the request and the language. */
    private String sendCard(String personId, ApprovalRequest request, String lang) {
        Map<String, Object> card = Map.of(
                "type",
                "AdaptiveCard",
                "version",
                "1.3",
                "body",
                List.of(Map.of("type", "TextBlock", "text", request.identity().displayName())),
                "actions",
                List.of(
                        Map.of("type", "Action.Submit", "title", "Admit", "data", data(request, "admit", lang)),
                        Map.of("type", "Action.Submit", "title", "Deny", "data", data(request, "deny", lang))));
        return notifier.tellWithCard(personId, "A guest waits", card).block().id();
    }

    private static Map<String, Object> data(ApprovalRequest request, String decision, String lang) {
        return Map.of("action", "admission", "requestId", request.id(), "decision", decision, "lang", lang);
    }

    private void submit(
            EmulatorSeed.Person person, String cardId, ApprovalRequest request, String decision, String lang)
            throws Exception {
        postSubmission(person, cardId, data(request, decision, lang));
    }

    private void postSubmission(EmulatorSeed.Person person, String cardId, Map<String, Object> inputs)
            throws Exception {
        String body = JSON.writeValueAsString(Map.of("type", "submit", "messageId", cardId, "inputs", inputs));
        HttpResponse<String> posted = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(WEBEX.get().apiBaseUrl() + "/attachment/actions"))
                                .header("Authorization", "Bearer " + person.accessToken())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(202);
    }

    /** The bot's newest 1:1 message to this person that contains {@code text}. */
    private String awaitReplyTo(String personId, String text) {
        String bot = WEBEX.get().seed().bot().id();
        List<String> replies = BotTestWorld.awaitNonEmpty(
                PROCESSING,
                () -> WEBEX.get().messages().stream()
                        .filter(m -> bot.equals(m.personId()) && m.attachments().isEmpty())
                        .filter(m -> personId.equals(m.toPersonId())
                                || roomOf(personId).equals(m.roomId()))
                        .map(m -> m.markdown() == null ? m.text() : m.markdown())
                        .filter(t -> t != null && t.contains(text))
                        .toList());
        return replies.get(replies.size() - 1);
    }

    /** The 1:1 space between the bot and this person (where the card went). */
    private String roomOf(String personId) {
        return WEBEX.get().messages().stream()
                .filter(m -> personId.equals(m.toPersonId()))
                .map(m -> m.roomId())
                .findFirst()
                .orElse("");
    }
}
