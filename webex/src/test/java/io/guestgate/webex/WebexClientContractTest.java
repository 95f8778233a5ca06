package io.guestgate.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.guestgate.webex.messages.EditMessageRequest;
import io.guestgate.webex.messages.Message;
import io.guestgate.webex.oauth.AccessToken;
import io.guestgate.webex.oauth.ClientCredentials;
import io.guestgate.webex.oauth.OAuthTokens;
import io.guestgate.webex.people.Person;
import io.guestgate.webex.spec.ContractReport;
import io.guestgate.webex.spec.WebexContract;
import io.guestgate.webex.webhooks.CreateWebhookRequest;
import io.guestgate.webex.webhooks.UpdateWebhookRequest;
import io.guestgate.webex.webhooks.Webhook;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request the client builds, for every endpoint the specs cover, validates against Cisco's specs; and
 * the specs' own example responses decode into the client's records with every field the product reads.
 */
class WebexClientContractTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AccessToken ORGANIZER = AccessToken.of("organizer-token-contract");
    private static final AccessToken BOT = AccessToken.of("bot-token-contract");
    private static final AccessToken SERVICE_APP = AccessToken.of("service-app-token-contract");
    private static final ClientCredentials SERVICE_APP_CLIENT =
            new ClientCredentials("service-app-client-id", "service-app-client-secret-contract");
    private static final OffsetDateTime START = OffsetDateTime.parse("2030-05-01T10:00:00+02:00");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The locked-down parameter set of ARCHITECTURE.md, as the bot sends it. */
    static final MeetingRequest LOCKED_DOWN = MeetingRequest.builder("Q3 review", START, START.plusHours(1))
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

    static final Map<String, Object> CARD = Map.of(
            "type",
            "AdaptiveCard",
            "version",
            "1.3",
            "body",
            List.of(Map.of("type", "TextBlock", "text", "Q3 review")),
            "actions",
            List.of(Map.of("type", "Action.Submit", "title", "Add participants", "data", Map.of("action", "add"))));

    private static SpecExampleServer server;
    private static WebexClient webex;

    @BeforeAll
    static void startServer() {
        server = SpecExampleServer.start();
        webex = WebexClient.create(
                WebexClientSettings.defaults()
                        .withApiBaseUrl(server.apiBaseUrl())
                        .withRetry(RetrySettings.NONE),
                WebClient.builder());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        server.clear();
    }

    @Test
    void everyRequestForEveryEndpointTheSpecsCoverValidates() {
        callEveryEndpoint();

        List<SpecExampleServer.Recorded> recorded = server.requests();
        List<String> endpoints =
                recorded.stream().map(r -> r.method() + " " + r.path()).toList();
        assertThat(endpoints)
                .containsExactly(
                        "GET /v1/people/me",
                        "GET /v1/people/person-1",
                        "POST /v1/meetings",
                        "GET /v1/meetings/m-1",
                        "PUT /v1/meetings/m-1",
                        "GET /v1/meetings",
                        "DELETE /v1/meetings/m-1",
                        "DELETE /v1/meetings/m-1",
                        "POST /v1/meetings/join",
                        "POST /v1/meetingInvitees",
                        "GET /v1/meetingInvitees",
                        "DELETE /v1/meetingInvitees/i-1",
                        "GET /v1/meetingParticipants",
                        "POST /v1/meetingParticipants/admit",
                        "POST /v1/messages",
                        "POST /v1/messages",
                        "POST /v1/messages",
                        "GET /v1/messages/msg-1",
                        "GET /v1/attachment/actions/a-1",
                        "GET /v1/webhooks",
                        "POST /v1/webhooks",
                        "PUT /v1/webhooks/w-1",
                        "DELETE /v1/webhooks/w-1",
                        "POST /v1/guests/token",
                        "POST /v1/applications/app-1/token");
        List<ContractReport> failures = recorded.stream()
                .map(r -> WebexContract.validateRequest(r.method(), r.target(), Map.of(), r.headers(), r.body()))
                .filter(ContractReport::hasErrors)
                .toList();
        assertThat(failures).as("requests that violate the specs").isEmpty();
    }

    @Test
    void createMeetingSendsExactlyTheLockedDownSetWithSecondPrecisionOffsets() {
        webex.meetings().create(ORGANIZER, LOCKED_DOWN).block(WAIT);

        JsonNode sent = JSON.readTree(server.requests().get(0).body());
        assertThat(sent).isEqualTo(JSON.readTree("""
                {"title":"Q3 review","start":"2030-05-01T10:00:00+02:00","end":"2030-05-01T11:00:00+02:00",
                 "timezone":"Europe/Vienna","enabledAutoRecordMeeting":false,"allowAnyUserToBeCoHost":false,
                 "enabledJoinBeforeHost":true,"enableConnectAudioBeforeHost":false,"excludePassword":true,
                 "publicMeeting":false,"enabledWebcastView":false,"enableAutomaticLock":false,
                 "allowFirstUserToBeCoHost":false,"allowAuthenticatedDevices":false,"sendEmail":false,
                 "unlockedMeetingJoinSecurity":"allowJoinWithLobby"}"""));
    }

    @Test
    void validatorCatchesMalformedBodiesAndMissingTokens() {
        webex.meetings().create(ORGANIZER, LOCKED_DOWN).block(WAIT);
        SpecExampleServer.Recorded create = server.requests().get(0);
        String typo = create.body().replace("\"enabledJoinBeforeHost\"", "\"enableJoinBeforeHost\"");
        String noTitle = create.body().replace("\"title\":\"Q3 review\",", "");
        Map<String, List<String>> withoutToken = new HashMap<>(create.headers());
        withoutToken.keySet().removeIf(name -> name.equalsIgnoreCase("Authorization"));

        assertThat(WebexContract.validateRequest("POST", create.target(), Map.of(), create.headers(), typo)
                        .errors())
                .anySatisfy(error -> assertThat(error).contains("enableJoinBeforeHost"));
        assertThat(WebexContract.validateRequest("POST", create.target(), Map.of(), create.headers(), noTitle)
                        .errors())
                .anySatisfy(error -> assertThat(error).contains("title"));
        assertThat(WebexContract.validateRequest("POST", create.target(), Map.of(), withoutToken, create.body())
                        .errors())
                .anySatisfy(error -> assertThat(error).contains("Authorization"));
    }

    @Test
    void specExampleResponsesDecodeWithEveryFieldTheProductUses() {
        Meeting created = webex.meetings().create(ORGANIZER, LOCKED_DOWN).block(WAIT);
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
        assertThat(created.start()).isEqualTo(OffsetDateTime.parse("2019-11-01T20:00:00+08:00"));
        assertThat(created.start().getOffset().getTotalSeconds())
                .as("offset kept as sent")
                .isEqualTo(8 * 3600);
        assertThat(created.sipAddress()).isEqualTo("123456789@site4-example.webex.com");
        for (Meeting meeting : List.of(
                webex.meetings().get(ORGANIZER, "m-1").block(WAIT),
                webex.meetings().update(ORGANIZER, "m-1", LOCKED_DOWN).block(WAIT))) {
            assertThat(meeting)
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
        }
        List<Meeting> listed = webex.meetings()
                .list(ORGANIZER, MeetingListQuery.all())
                .collectList()
                .block(WAIT);
        assertThat(listed).hasSize(4);
        assertThat(listed)
                .filteredOn(m -> "scheduledMeeting".equals(m.meetingType()))
                .hasSize(2)
                .allSatisfy(m -> assertThat(m)
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
                        .doesNotContainNull());

        var password = webex.meetings().password(ORGANIZER, "m-1").block(WAIT);
        assertThat(password.needed())
                .as("the spec's example meeting asks for its password")
                .isPresent();
        assertThat(password.toString()).doesNotContain(password.password());

        JoinLinks join = webex.meetings()
                .join(ORGANIZER, JoinMeetingRequest.forGuest("m-1", "Anna", "a@example.com", 5))
                .block(WAIT);
        assertThat(join.joinLink()).startsWith("https://");
        assertThat(join.expiration()).isNotNull();

        MeetingInvitee invitee = webex.meetingInvitees()
                .create(ORGANIZER, CreateInviteeRequest.of("m-1", "a@example.com", "Anna", false))
                .block(WAIT);
        assertThat(invitee)
                .extracting("id", "meetingId", "email", "displayName")
                .doesNotContainNull();
        assertThat(webex.meetingInvitees().list(ORGANIZER, "m-1").collectList().block(WAIT))
                .hasSize(2)
                .allSatisfy(i -> assertThat(i)
                        .extracting("id", "meetingId", "email", "displayName")
                        .doesNotContainNull());

        List<MeetingParticipant> participants =
                webex.meetingParticipants().list(ORGANIZER, "m-1").collectList().block(WAIT);
        assertThat(participants)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p)
                        .extracting("id", "meetingId", "email", "displayName", "state", "host")
                        .doesNotContainNull());
        assertThat(participants.get(0).inLobby()).isTrue();

        Message message = webex.messages().get(BOT, "msg-1").block(WAIT);
        assertThat(message)
                .extracting(
                        "id",
                        "roomId",
                        "roomType",
                        "personId",
                        "personEmail",
                        "text",
                        "markdown",
                        "parentId",
                        "created")
                .doesNotContainNull();
        Message posted = webex.messages()
                .create(BOT, CreateMessageRequest.toRoom("r-1").text("hi").build())
                .block(WAIT);
        assertThat(posted.attachments())
                .singleElement()
                .satisfies(a -> assertThat(a.contentType()).isEqualTo("application/vnd.microsoft.card.adaptive"));

        AttachmentAction action = webex.attachmentActions().get(BOT, "a-1").block(WAIT);
        assertThat(action)
                .extracting("id", "messageId", "personId", "roomId", "type", "created")
                .doesNotContainNull();
        assertThat(action.input("Email")).isEqualTo("john.andersen@example.com");

        Webhook webhook = webex.webhooks().list(BOT).blockFirst(WAIT);
        assertThat(webhook)
                .extracting("id", "name", "targetUrl", "resource", "event", "secret", "status", "created")
                .doesNotContainNull();
        assertThat(webhook.active()).isTrue();

        Person sender = webex.people().get(BOT, "person-1").block(WAIT);
        assertThat(sender).extracting("id", "displayName", "orgId").doesNotContainNull();

        Person me = webex.people().me(ORGANIZER).block(WAIT);
        assertThat(me).extracting("id", "displayName", "type", "orgId").doesNotContainNull();
        assertThat(me.emails()).containsExactly("john.andersen@example.com");
        assertThat(me.timezone()).as("the spec example's zone").isEqualTo("America/Denver");

        var guest = webex.guests().serviceAppToken(SERVICE_APP, "inv-1", "Anna").block(WAIT);
        assertThat(guest.accessToken().value()).startsWith("eyJ");
        assertThat(guest.expiresIn()).isEqualTo(Duration.ofSeconds(64799));

        OAuthTokens serviceAppPair = webex.applications()
                .token(ORGANIZER, "app-1", SERVICE_APP_CLIENT, "org-1")
                .block(WAIT);
        assertThat(serviceAppPair.accessToken().value()).isNotBlank();
        assertThat(serviceAppPair.expiresIn()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(serviceAppPair.refreshToken()).isNotBlank();
        assertThat(serviceAppPair.refreshTokenExpiresIn()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void serviceAppTokenRequestCarriesTheServiceAppsCredentialsForTheOrg() {
        webex.applications()
                .token(ORGANIZER, "app-1", SERVICE_APP_CLIENT, "org-1")
                .block(WAIT);

        SpecExampleServer.Recorded sent = server.requests().get(0);
        assertThat(sent.headers().entrySet())
                .filteredOn(h -> h.getKey().equalsIgnoreCase("Authorization"))
                .singleElement()
                .satisfies(h -> assertThat(h.getValue()).containsExactly(ORGANIZER.bearer()));
        assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree("""
                {"clientId":"service-app-client-id","clientSecret":"service-app-client-secret-contract",
                 "targetOrgId":"org-1"}"""));
    }

    private static void callEveryEndpoint() {
        webex.people().me(ORGANIZER).block(WAIT);
        webex.people().get(BOT, "person-1").block(WAIT);

        webex.meetings().create(ORGANIZER, LOCKED_DOWN).block(WAIT);
        webex.meetings().get(ORGANIZER, "m-1").block(WAIT);
        webex.meetings()
                .update(
                        ORGANIZER,
                        "m-1",
                        LOCKED_DOWN.toBuilder()
                                .start(START.plusDays(1))
                                .end(START.plusDays(1).plusMinutes(30))
                                .title("Q3 review (moved)")
                                .build())
                .block(WAIT);
        webex.meetings()
                .list(
                        ORGANIZER,
                        MeetingListQuery.all()
                                .withMeetingType("scheduledMeeting")
                                .between(START, START.plusDays(30))
                                .withHostEmail("organizer@example.com")
                                .withPageSize(10))
                .collectList()
                .block(WAIT);
        webex.meetings().delete(ORGANIZER, "m-1").block(WAIT);
        webex.meetings().delete(ORGANIZER, "m-1", false).block(WAIT);
        webex.meetings()
                .join(ORGANIZER, JoinMeetingRequest.forGuest("m-1", "Anna Müller", "anna@example.com", 5))
                .block(WAIT);

        webex.meetingInvitees()
                .create(ORGANIZER, CreateInviteeRequest.of("m-1", "anna@example.com", "Anna Müller", false))
                .block(WAIT);
        webex.meetingInvitees().list(ORGANIZER, "m-1").collectList().block(WAIT);
        webex.meetingInvitees().delete(ORGANIZER, "i-1", false).block(WAIT);

        webex.meetingParticipants().list(ORGANIZER, "m-1").collectList().block(WAIT);
        webex.meetingParticipants().admit(ORGANIZER, List.of("p-1", "p-2")).block(WAIT);

        webex.messages()
                .create(
                        BOT,
                        CreateMessageRequest.toRoom("r-1")
                                .text("Meeting created")
                                .build())
                .block(WAIT);
        webex.messages()
                .create(
                        BOT,
                        CreateMessageRequest.toPerson("person-1")
                                .markdown("**Done**")
                                .inThread("msg-0")
                                .build())
                .block(WAIT);
        webex.messages()
                .create(
                        BOT,
                        CreateMessageRequest.toPersonEmail("organizer@example.com")
                                .text("Your meeting")
                                .adaptiveCard(CARD)
                                .build())
                .block(WAIT);
        webex.messages().get(BOT, "msg-1").block(WAIT);
        webex.attachmentActions().get(BOT, "a-1").block(WAIT);

        webex.webhooks().list(BOT).collectList().block(WAIT);
        webex.webhooks()
                .create(
                        BOT,
                        CreateWebhookRequest.of(
                                "guestgate-messages",
                                "https://gg.example.com/webhooks/webex",
                                "messages",
                                "created",
                                "webhook-secret-contract"))
                .block(WAIT);
        webex.webhooks()
                .update(
                        BOT,
                        "w-1",
                        UpdateWebhookRequest.activate(
                                "guestgate-messages",
                                "https://gg.example.com/webhooks/webex",
                                "webhook-secret-contract"))
                .block(WAIT);
        webex.webhooks().delete(BOT, "w-1").block(WAIT);

        webex.guests().serviceAppToken(SERVICE_APP, "inv-7f3a", "Anna Müller").block(WAIT);

        webex.applications()
                .token(ORGANIZER, "app-1", SERVICE_APP_CLIENT, "org-1")
                .block(WAIT);
    }

    // ---- "Edit a Message" (PUT /messages/{messageId}): the request validates against the spec, the answer decodes

    @Test
    void editSendsTheRoomAndTheNewTextAndDecodesTheEditedMessage() {
        Message edited = webex.messages()
                .edit(BOT, "msg-1", EditMessageRequest.markdown("r-1", "**Admitted**"))
                .block(WAIT);

        SpecExampleServer.Recorded sent =
                server.requests().get(server.requests().size() - 1);
        assertThat(sent.method() + " " + sent.path()).isEqualTo("PUT /v1/messages/msg-1");
        assertThat(WebexContract.validateRequest(sent.method(), sent.target(), Map.of(), sent.headers(), sent.body())
                        .errors())
                .as("the request validates against the spec")
                .isEmpty();
        assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree("""
                {"roomId":"r-1","markdown":"**Admitted**"}"""));
        assertThat(edited).extracting("id", "roomId", "markdown", "created").doesNotContainNull();
        assertThat(edited.updated()).isEqualTo(OffsetDateTime.parse("2015-10-18T14:27:16+00:00"));
    }

    @Test
    void anEditNeedsTheRoomAndSomeText() {
        assertThatThrownBy(() -> EditMessageRequest.text(null, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new EditMessageRequest("r-1", " ", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
