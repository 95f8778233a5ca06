package io.guestgate.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.guestgate.webex.guests.GuestToken;
import io.guestgate.webex.meetings.CreateInviteeRequest;
import io.guestgate.webex.meetings.JoinLinks;
import io.guestgate.webex.meetings.JoinMeetingRequest;
import io.guestgate.webex.meetings.Meeting;
import io.guestgate.webex.meetings.MeetingInvitee;
import io.guestgate.webex.meetings.MeetingListQuery;
import io.guestgate.webex.meetings.MeetingParticipant;
import io.guestgate.webex.meetings.MeetingRequest;
import io.guestgate.webex.meetings.UnlockedMeetingJoinSecurity;
import io.guestgate.webex.messages.AttachmentAction;
import io.guestgate.webex.messages.CreateMessageRequest;
import io.guestgate.webex.messages.Message;
import io.guestgate.webex.oauth.AccessToken;
import io.guestgate.webex.people.Person;
import io.guestgate.webex.webhooks.CreateWebhookRequest;
import io.guestgate.webex.webhooks.UpdateWebhookRequest;
import io.guestgate.webex.webhooks.Webhook;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The product's Webex conversations, written once and run against any server that speaks the Webex API.
 * {@code SpecExampleScenariosTest} runs them against the specs' example answers; the emulator runs them
 * against itself: depend on {@code io.guestgate:webex:<version>:test-jar} (scope test), subclass this and
 * supply the base URL, the seeded tokens and a room the bot is in. Assertions on state (what was created
 * can be read back, what was deleted is gone) run only when {@link #stateful()} says the server keeps state.
 */
public abstract class WebexClientScenarios {

    protected static final Duration WAIT = Duration.ofSeconds(30);

    private WebexClient webex;

    /** The API root, e.g. {@code http://localhost:8099/v1}. */
    protected abstract URI apiBaseUrl();

    /** A linked organizer's token (meeting scopes). */
    protected abstract AccessToken organizerToken();

    /** The bot's token. */
    protected abstract AccessToken botToken();

    /** A Service App token allowed to mint guest tokens. */
    protected abstract AccessToken serviceAppToken();

    /** A space the bot is a member of. */
    protected abstract String roomId();

    /** Whether created things can be read back and deleted things are gone. */
    protected abstract boolean stateful();

    /** A Guest Issuer JWT the server accepts at {@code /jwt/login}; empty skips that scenario. */
    protected Optional<AccessToken> guestIssuerJwt() {
        return Optional.empty();
    }

    /** A card submission the bot may read; empty skips that scenario. */
    protected Optional<String> attachmentActionId() {
        return Optional.empty();
    }

    /** Override to add filters (e.g. a request journal) or to share a connector. */
    protected WebClient.Builder webClientBuilder() {
        return WebClient.builder();
    }

    protected final WebexClient webex() {
        if (webex == null) {
            webex = WebexClient.create(
                    WebexClientSettings.defaults()
                            .withApiBaseUrl(apiBaseUrl())
                            .withRetry(new RetrySettings(
                                    3, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(2))),
                    webClientBuilder());
        }
        return webex;
    }

    protected static MeetingRequest lockedDownMeeting(String title) {
        OffsetDateTime start =
                OffsetDateTime.now(ZoneId.of("Europe/Vienna")).plusDays(1).truncatedTo(ChronoUnit.HOURS);
        return MeetingRequest.builder(title, start, start.plusMinutes(45))
                .timezone("Europe/Vienna")
                .enabledAutoRecordMeeting(false)
                .allowAnyUserToBeCoHost(false)
                .enabledJoinBeforeHost(true)
                .enableConnectAudioBeforeHost(false)
                .excludePassword(true)
                .publicMeeting(false)
                .enabledWebcastView(false)
                .enableAutomaticLock(false)
                .allowFirstUserToBeCoHost(false)
                .allowAuthenticatedDevices(false)
                .sendEmail(false)
                .unlockedMeetingJoinSecurity(UnlockedMeetingJoinSecurity.ALLOW_JOIN_WITH_LOBBY)
                .build();
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    public void organizerAndBotKnowWhoTheyAre() {
        Person organizer = webex().people().me(organizerToken()).block(WAIT);
        Person bot = webex().people().me(botToken()).block(WAIT);

        assertThat(organizer.id()).isNotBlank();
        assertThat(organizer.emails()).isNotEmpty();
        assertThat(organizer.displayName()).isNotBlank();
        assertThat(bot.id()).isNotBlank();
        if (stateful()) {
            assertThat(bot.id()).isNotEqualTo(organizer.id());
            assertThat(bot.type()).isEqualTo("bot");
        }
    }

    @Test
    public void organizerSchedulesMovesAndCancelsAMeeting() {
        MeetingRequest request = lockedDownMeeting(unique("Q3 review"));

        Meeting created = webex().meetings().create(organizerToken(), request).block(WAIT);

        assertThat(created)
                .extracting(
                        "id",
                        "meetingNumber",
                        "title",
                        "start",
                        "end",
                        "timezone",
                        "webLink",
                        "sipAddress",
                        "hostEmail")
                .doesNotContainNull();
        assertThat(created.sipAddress()).contains("@");
        Meeting read = webex().meetings().get(organizerToken(), created.id()).block(WAIT);
        MeetingRequest moved = request.toBuilder()
                .title(request.title() + " (moved)")
                .start(request.start().plusHours(2))
                .end(request.end().plusHours(2))
                .build();
        Meeting updated =
                webex().meetings().update(organizerToken(), created.id(), moved).block(WAIT);
        List<Meeting> listed = webex().meetings()
                .list(organizerToken(), MeetingListQuery.all())
                .collectList()
                .block(WAIT);
        webex().meetings().delete(organizerToken(), created.id()).block(WAIT);

        assertThat(read.id()).isNotBlank();
        assertThat(updated.id()).isNotBlank();
        assertThat(listed).isNotEmpty();
        if (stateful()) {
            assertThat(created.title()).isEqualTo(request.title());
            assertThat(created.start().toInstant()).isEqualTo(request.start().toInstant());
            assertThat(read.id()).isEqualTo(created.id());
            assertThat(updated.title()).isEqualTo(moved.title());
            assertThat(updated.start().toInstant()).isEqualTo(moved.start().toInstant());
            assertThat(listed).extracting(Meeting::id).contains(created.id());
            assertThatThrownBy(() -> webex().meetings()
                            .get(organizerToken(), created.id())
                            .block(WAIT))
                    .isInstanceOfSatisfying(
                            WebexApiException.class,
                            e -> assertThat(e.isNotFound()).isTrue());
        }
    }

    @Test
    public void verifiedGuestGetsAPersonalJoinLink() {
        Meeting meeting = webex().meetings()
                .create(organizerToken(), lockedDownMeeting(unique("Join")))
                .block(WAIT);

        JoinLinks links = webex().meetings()
                .join(organizerToken(), JoinMeetingRequest.forGuest(meeting.id(), "Anna Müller", "anna@example.com", 5))
                .block(WAIT);

        assertThat(links.joinLink()).startsWith("http");
    }

    @Test
    public void organizerInvitesListsAndRemovesAnInvitee() {
        Meeting meeting = webex().meetings()
                .create(organizerToken(), lockedDownMeeting(unique("Invitees")))
                .block(WAIT);
        String email = "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        MeetingInvitee invitee = webex().meetingInvitees()
                .create(organizerToken(), CreateInviteeRequest.of(meeting.id(), email, "Gast Müller", false))
                .block(WAIT);
        List<MeetingInvitee> listed = webex().meetingInvitees()
                .list(organizerToken(), meeting.id())
                .collectList()
                .block(WAIT);
        webex().meetingInvitees().delete(organizerToken(), invitee.id(), false).block(WAIT);

        assertThat(invitee)
                .extracting("id", "meetingId", "email", "displayName")
                .doesNotContainNull();
        assertThat(listed).isNotEmpty();
        if (stateful()) {
            assertThat(invitee.email()).isEqualTo(email);
            assertThat(listed).extracting(MeetingInvitee::id).contains(invitee.id());
            assertThat(webex().meetingInvitees()
                            .list(organizerToken(), meeting.id())
                            .collectList()
                            .block(WAIT))
                    .extracting(MeetingInvitee::id)
                    .doesNotContain(invitee.id());
        }
    }

    @Test
    public void hostAdmitsWhoeverWaitsInTheLobby() {
        Meeting meeting = webex().meetings()
                .create(organizerToken(), lockedDownMeeting(unique("Lobby")))
                .block(WAIT);

        List<MeetingParticipant> participants = webex().meetingParticipants()
                .list(organizerToken(), meeting.id())
                .collectList()
                .block(WAIT);
        List<String> waiting = participants.stream()
                .filter(MeetingParticipant::inLobby)
                .map(MeetingParticipant::id)
                .toList();
        if (!waiting.isEmpty()) {
            webex().meetingParticipants().admit(organizerToken(), waiting).block(WAIT);
        }

        assertThat(participants).allSatisfy(p -> assertThat(p.id()).isNotBlank());
    }

    @Test
    public void botAnswersInTextMarkdownAndCardsAndReadsMessagesBack() {
        Message text = webex().messages()
                .create(
                        botToken(),
                        CreateMessageRequest.toRoom(roomId())
                                .text("Meeting scheduled / Besprechung geplant")
                                .build())
                .block(WAIT);
        Message reply = webex().messages()
                .create(
                        botToken(),
                        CreateMessageRequest.toRoom(roomId())
                                .markdown("**Added** Anna Müller")
                                .inThread(text.id())
                                .build())
                .block(WAIT);
        Message card = webex().messages()
                .create(
                        botToken(),
                        CreateMessageRequest.toRoom(roomId())
                                .text("Add participants")
                                .adaptiveCard(Map.of(
                                        "type",
                                        "AdaptiveCard",
                                        "version",
                                        "1.3",
                                        "body",
                                        List.of(Map.of("type", "Input.Text", "id", "emails", "label", "E-Mail"))))
                                .build())
                .block(WAIT);
        Message read = webex().messages().get(botToken(), text.id()).block(WAIT);

        for (Message message : List.of(text, reply, card, read)) {
            assertThat(message).extracting("id", "roomId", "personId").doesNotContainNull();
        }
        if (stateful()) {
            assertThat(read.text()).isEqualTo("Meeting scheduled / Besprechung geplant");
            assertThat(reply.parentId()).isEqualTo(text.id());
            assertThat(card.attachments())
                    .singleElement()
                    .satisfies(a -> assertThat(a.content()).containsEntry("type", "AdaptiveCard"));
        }
    }

    @Test
    public void botRegistersRepairsAndRemovesItsWebhook() {
        String name = unique("guestgate-messages");
        String secret = UUID.randomUUID().toString();

        Webhook created = webex().webhooks()
                .create(
                        botToken(),
                        CreateWebhookRequest.of(
                                name, "https://gg.example.com/webhooks/webex", "messages", "created", secret))
                .block(WAIT);
        List<Webhook> listed = webex().webhooks().list(botToken()).collectList().block(WAIT);
        Webhook repaired = webex().webhooks()
                .update(
                        botToken(),
                        created.id(),
                        UpdateWebhookRequest.activate(name, "https://gg.example.com/webhooks/webex-v2", secret))
                .block(WAIT);
        webex().webhooks().delete(botToken(), created.id()).block(WAIT);

        assertThat(created)
                .extracting("id", "name", "targetUrl", "resource", "event")
                .doesNotContainNull();
        assertThat(listed).isNotEmpty();
        assertThat(repaired.active()).isTrue();
        if (stateful()) {
            assertThat(listed).extracting(Webhook::id).contains(created.id());
            assertThat(repaired.targetUrl()).isEqualTo("https://gg.example.com/webhooks/webex-v2");
            assertThat(webex().webhooks().list(botToken()).collectList().block(WAIT))
                    .extracting(Webhook::id)
                    .doesNotContain(created.id());
        }
    }

    @Test
    public void serviceAppMintsAGuestToken() {
        GuestToken token = webex().guests()
                .serviceAppToken(serviceAppToken(), "inv-7f3a", "Anna Müller")
                .block(WAIT);

        assertThat(token.accessToken().value()).isNotBlank();
        assertThat(token.expiresIn()).isPositive();
    }

    @Test
    public void guestIssuerJwtIsExchangedForAGuestToken() {
        assumeTrue(guestIssuerJwt().isPresent(), "no Guest Issuer JWT configured for this server");

        GuestToken token = webex().guests().jwtLogin(guestIssuerJwt().get()).block(WAIT);

        assertThat(token.accessToken().value()).isNotBlank();
        assertThat(token.expiresIn()).isPositive();
    }

    @Test
    public void botReadsACardSubmission() {
        assumeTrue(attachmentActionId().isPresent(), "no card submission on this server");

        AttachmentAction action = webex().attachmentActions()
                .get(botToken(), attachmentActionId().get())
                .block(WAIT);

        assertThat(action)
                .extracting("id", "messageId", "personId", "roomId", "inputs")
                .doesNotContainNull();
    }

    @Test
    public void forgedTokenIsATypedUnauthorized() {
        assumeTrue(stateful(), "the example server accepts any token");

        assertThatThrownBy(() -> webex().people()
                        .me(AccessToken.of("forged-" + UUID.randomUUID()))
                        .block(WAIT))
                .isInstanceOfSatisfying(WebexApiException.class, e -> {
                    assertThat(e.isUnauthorized()).isTrue();
                    assertThat(e.status()).isEqualTo(401);
                });
    }
}
