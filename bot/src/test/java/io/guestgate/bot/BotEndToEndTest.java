package io.guestgate.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.domain.account.AccountConnection;
import io.guestgate.domain.account.ConnectResult;
import io.guestgate.domain.account.LoginLinks;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.faults.Fault;
import io.guestgate.emulator.meetings.MeetingOptions;
import io.guestgate.emulator.messages.Message;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.messages.CreateMessageRequest;
import io.guestgate.webex.oauth.AccessToken;
import io.guestgate.webex.webhooks.CreateWebhookRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bot end to end: people write through the emulator's {@code POST /v1/messages} exactly as in Webex, the emulator
 * delivers signed webhooks to the running application, and the bot answers through the emulator again.
 */
@SpringBootTest(
        classes = BotTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "guestgate.bot.allowed-email-domains=example.com")
class BotEndToEndTest {

    @RegisterExtension
    static final WebexEmulatorExtension WEBEX = BotTestWorld.emulator();

    static final EmulatorSeed.Person OLIVIA = BotTestWorld.SEED.organizer();
    static final EmulatorSeed.Person PETER = BotTestWorld.SEED.secondPerson();
    static final String BOT = BotTestWorld.SEED.bot().id();
    static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    static final Duration ANSWER = Duration.ofSeconds(15);
    static final Pattern LOGIN_LINK =
            Pattern.compile("\\((http://localhost:8080/oauth/webex/start\\?state=[A-Za-z0-9_-]+)\\)");
    static String secret;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        secret = BotTestWorld.register(registry, WEBEX.get());
    }

    @LocalServerPort
    int port;

    @Autowired
    LoginLinks loginLinks;

    @Autowired
    AccountConnection linking;

    @Autowired
    MeetingStore meetings;

    @Autowired
    MeterRegistry meters;

    @Autowired
    InvitationStore invitations;

    final WebexClient webex = BotTestWorld.client(WEBEX.get());

    @BeforeEach
    void registerWebhooksAndLinkOlivia() {
        if (WEBEX.get().webhooks().isEmpty()) {
            String target = "http://127.0.0.1:" + port + "/webhooks/webex";
            AccessToken bot = AccessToken.of(WEBEX.get().seed().bot().accessToken());
            webex.webhooks()
                    .create(bot, CreateWebhookRequest.of("messages", target, "messages", "created", secret))
                    .block();
            webex.webhooks()
                    .create(bot, CreateWebhookRequest.of("cards", target, "attachmentActions", "created", secret))
                    .block();
            link(OLIVIA);
        }
    }

    @Test
    void anUnlinkedOrganizerGetsTheLoginLinkInsteadOfAMeeting() {
        Message command = say(PETER, "create Q3 review | tomorrow 10:00 | 45m");

        Message reply =
                BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(command)).get(0);

        assertThat(reply.markdown()).contains("need your Webex account");
        assertThat(LOGIN_LINK.matcher(reply.markdown()).find()).isTrue();
        assertThat(WEBEX.get().requests("POST", "/v1/meetings"))
                .noneMatch(call -> PETER.id().equals(call.personId()));
        assertThat(WEBEX.get().meetings()).noneMatch(meeting -> PETER.id().equals(meeting.hostUserId()));
    }

    @Test
    void aLoginAskedForInAGroupSpaceArrivesPrivately() {
        String group = WEBEX.get()
                .createGroupRoom("team " + UUID.randomUUID(), PETER.id(), OLIVIA.id(), BOT)
                .id();
        Message command = sayIn(PETER, group, null, "anmelden");

        Message notice =
                BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(command)).get(0);
        Message link = BotTestWorld.awaitNonEmpty(
                        ANSWER,
                        () -> WEBEX.get().messages().stream()
                                .filter(m -> BOT.equals(m.personId())
                                        && PETER.id().equals(m.toPersonId())
                                        && m.created().isAfter(command.created()))
                                .toList())
                .get(0);

        assertThat(notice.markdown()).contains("privat").doesNotContain("oauth");
        assertThat(link.roomId()).isNotEqualTo(group);
        assertThat(LOGIN_LINK.matcher(link.markdown()).find()).isTrue();
    }

    @Test
    void createsTheMeetingWithExactlyTheLockedDownSettingsAndAnswersWithASummaryCard() {
        String title = "Q3 review " + UUID.randomUUID().toString().substring(0, 8);
        Message command = say(OLIVIA, "create " + title + " | tomorrow 10:00 | 45m");

        Message reply =
                BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(command)).get(0);
        io.guestgate.emulator.meetings.Meeting created = onlyMeetingTitled(title);

        ZonedDateTime start = LocalDate.now(VIENNA).plusDays(1).atTime(10, 0).atZone(VIENNA);
        assertThat(created.start()).isEqualTo(start.toInstant());
        assertThat(created.end()).isEqualTo(start.plusMinutes(45).toInstant());
        assertThat(created.timezone()).isEqualTo(VIENNA);
        assertThat(created.hostUserId()).isEqualTo(OLIVIA.id());
        assertLockedDown(created.options());

        Meeting stored = meetings.upcomingFor(OLIVIA.id())
                .filter(m -> m.title().equals(title))
                .blockFirst();
        assertThat(stored).isNotNull();
        assertThat(stored.webex().id()).isEqualTo(created.id());
        assertThat(stored.organizer().email()).isEqualTo(OLIVIA.email());

        assertThat(reply.markdown()).contains(title);
        assertThat(reply.attachments()).hasSize(1);
        String card = JsonMapper.builder().build().writeValueAsString(reply);
        assertThat(card)
                .contains("add-participants", stored.id())
                .doesNotContain(created.meetingNumber(), created.webLink(), created.sipAddress(), created.password());
    }

    @Test
    void showInAGroupSpaceNamesTheGuestsButNotTheirAddresses() {
        java.time.Instant start =
                java.time.Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        // At Webex too: show compares the meeting with Webex, and one Webex does not know counts as deleted there.
        var atWebex = webex.meetings()
                .create(
                        io.guestgate.webex.oauth.AccessToken.of(OLIVIA.accessToken()),
                        io.guestgate.webex.meetings.MeetingRequest.builder(
                                        "Group show",
                                        start.atZone(VIENNA).toOffsetDateTime(),
                                        start.plus(Duration.ofMinutes(30))
                                                .atZone(VIENNA)
                                                .toOffsetDateTime())
                                .build())
                .block();
        String number = atWebex.meetingNumber();
        Meeting meeting = meetings.save(new Meeting(
                        MeetingStore.newId(),
                        new Meeting.Organizer(OLIVIA.id(), OLIVIA.email(), OLIVIA.displayName()),
                        "Group show",
                        start,
                        start.plus(Duration.ofMinutes(30)),
                        VIENNA,
                        new Meeting.WebexMeeting(atWebex.id(), number, atWebex.webLink(), atWebex.sipAddress()),
                        0,
                        io.guestgate.domain.meeting.MeetingStatus.SCHEDULED,
                        java.time.Instant.now()))
                .block();
        invitations
                .add(meeting, new Invitee("Gina Guest", "gina@guest.example"))
                .block();
        Invitation hugo = invitations
                .add(meeting, new Invitee("Hugo Gone", "hugo@guest.example"))
                .block()
                .invitation();
        invitations.revoke(hugo.id()).block();
        String group = WEBEX.get()
                .createGroupRoom("team " + UUID.randomUUID(), OLIVIA.id(), PETER.id(), BOT)
                .id();

        Message command = sayIn(OLIVIA, group, null, "show " + number);
        Message reply =
                BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(command)).get(0);
        Message direct = say(OLIVIA, "show " + number);
        Message directReply =
                BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(direct)).get(0);

        assertThat(reply.roomId()).isEqualTo(group);
        assertThat(reply.markdown()).contains("Gina Guest").doesNotContain("gina@guest.example", number);
        assertThat(directReply.markdown()).contains("Gina Guest", "gina@guest.example", number);
        assertThat(directReply.markdown())
                .as("a withdrawn invitation is no guest")
                .contains("Invitations: 1")
                .contains("Withdrawn (1): Hugo Gone")
                .doesNotContain("hugo@guest.example");
    }

    @Test
    void aListNumberKeepsPointingAtItsMeetingWhenAnEarlierOneIsCancelled() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        java.time.Instant now = java.time.Instant.now();
        Meeting later = meetings.save(storedMeeting(OLIVIA, "Later " + tag, now.plus(Duration.ofDays(3))))
                .block();
        Meeting sooner = meetings.save(storedMeeting(OLIVIA, "Sooner " + tag, now.plus(Duration.ofDays(1))))
                .block();
        int laterNumber = meetings.number(later).block();
        int soonerNumber = meetings.number(sooner).block();

        Message before = say(OLIVIA, "list");
        String listed = BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(before))
                .get(0)
                .markdown();
        meetings.save(sooner.cancelled()).block();
        meetings.save(storedMeeting(OLIVIA, "Soonest " + tag, now.plus(Duration.ofHours(5))))
                .block();
        Message after = say(OLIVIA, "list");
        String relisted = BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(after))
                .get(0)
                .markdown();
        Message show = say(OLIVIA, "show " + laterNumber);
        String shown = BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(show))
                .get(0)
                .markdown();
        Message gone = say(OLIVIA, "show " + soonerNumber);
        String notFound = BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(gone))
                .get(0)
                .markdown();

        assertThat(listed).contains(laterNumber + ". **Later " + tag + "**", soonerNumber + ". **Sooner " + tag + "**");
        assertThat(relisted).contains(laterNumber + ". **Later " + tag + "**").doesNotContain("Sooner " + tag);
        assertThat(shown).contains("**Later " + tag + "**");
        assertThat(notFound)
                .as("a cancelled meeting's number points at nothing else")
                .doesNotContain("Soonest " + tag)
                .doesNotContain("Later " + tag);
    }

    /** A meeting at Webex (show compares with Webex, where an unknown meeting counts as deleted), as GuestGate keeps it. */
    private Meeting storedMeeting(EmulatorSeed.Person organizer, String title, java.time.Instant start) {
        java.time.Instant at = start.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        var atWebex = webex.meetings()
                .create(
                        io.guestgate.webex.oauth.AccessToken.of(organizer.accessToken()),
                        io.guestgate.webex.meetings.MeetingRequest.builder(
                                        title,
                                        at.atZone(VIENNA).toOffsetDateTime(),
                                        at.plus(Duration.ofMinutes(30))
                                                .atZone(VIENNA)
                                                .toOffsetDateTime())
                                .build())
                .block();
        return new Meeting(
                MeetingStore.newId(),
                new Meeting.Organizer(organizer.id(), organizer.email(), organizer.displayName()),
                title,
                at,
                at.plus(Duration.ofMinutes(30)),
                VIENNA,
                new Meeting.WebexMeeting(atWebex.id(), null, null, null),
                0,
                io.guestgate.domain.meeting.MeetingStatus.SCHEDULED,
                java.time.Instant.now());
    }

    @Test
    void aCardActionNobodyHandlesIsCountedUnderOneFixedName() {
        Message command = say(OLIVIA, "create");
        Message form =
                BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(command)).get(0);
        String made = "made-up-" + UUID.randomUUID();

        submit(OLIVIA, form, Map.of("action", made, "lang", "en"));

        Message answer =
                BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(form)).get(0);
        assertThat(answer.markdown()).contains("no longer in use");
        await().atMost(ANSWER)
                .until(() -> meters.find("guestgate.commands")
                                .tag("command", "card:unknown")
                                .counter()
                        != null);
        assertThat(meters.getMeters())
                .as("no series named after what a card submission says")
                .noneMatch(meter -> meter.getId().getTags().stream()
                        .anyMatch(tag -> tag.getValue().contains(made)));
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundAtWebexAndKept() {
        String title = "Lost answer " + UUID.randomUUID().toString().substring(0, 8);
        WEBEX.get().injectFault(Fault.answerLost("POST /v1/meetings", 8_000, 1));

        Message command = say(OLIVIA, "create " + title + " | tomorrow 10:00 | 45m");
        await().atMost(Duration.ofSeconds(30)).until(() -> repliesAfter(command).size() >= 2);

        List<Message> replies = repliesAfter(command);
        assertThat(replies.get(0).markdown()).contains("don’t know yet whether the meeting was created");
        assertThat(replies.get(1).markdown()).contains("answer late", title);
        assertThat(WEBEX.get().meetings())
                .filteredOn(meeting -> meeting.title().equals(title))
                .hasSize(1);
        assertThat(meetings.upcomingFor(OLIVIA.id())
                        .map(Meeting::title)
                        .collectList()
                        .block())
                .contains(title);
    }

    @Test
    void aCreateThatGotNoAnswerAndWasNotDoneIsReportedAsNotCreated() {
        String title = "No answer " + UUID.randomUUID().toString().substring(0, 8);
        WEBEX.get().injectFault(Fault.status("POST /v1/meetings", 503, 1).withDelay(8_000));

        Message command = say(OLIVIA, "create " + title + " | tomorrow 10:00 | 45m");
        await().atMost(Duration.ofSeconds(30)).until(() -> repliesAfter(command).size() >= 2);

        List<Message> replies = repliesAfter(command);
        assertThat(replies.get(0).markdown()).contains("don’t know yet");
        assertThat(replies.get(1).markdown()).contains("was not created at Webex");
        assertThat(WEBEX.get().meetings()).noneMatch(meeting -> meeting.title().equals(title));
        assertThat(meetings.upcomingFor(OLIVIA.id())
                        .map(Meeting::title)
                        .collectList()
                        .block())
                .doesNotContain(title);
    }

    @Test
    void theCardFormCreatesTheMeetingToo() {
        Message command = say(OLIVIA, "erstellen");
        Message form =
                BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(command)).get(0);
        assertThat(form.attachments()).hasSize(1);
        assertThat(form.markdown()).contains("Formular");

        String title = "Kartenmeeting " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> inputs = new LinkedHashMap<>(submitData(form));
        inputs.put("title", title);
        inputs.put("date", LocalDate.now(VIENNA).plusDays(2).toString());
        inputs.put("time", "14:00");
        inputs.put("length", "1h");
        submit(OLIVIA, form, inputs);

        Message summary =
                BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(form)).get(0);
        io.guestgate.emulator.meetings.Meeting created = onlyMeetingTitled(title);
        assertThat(created.start())
                .isEqualTo(LocalDate.now(VIENNA)
                        .plusDays(2)
                        .atTime(14, 0)
                        .atZone(VIENNA)
                        .toInstant());
        assertThat(Duration.between(created.start(), created.end())).isEqualTo(Duration.ofHours(1));
        assertLockedDown(created.options());
        assertThat(summary.markdown()).contains(title, "ist angelegt");
        assertThat(summary.attachments()).hasSize(1);
    }

    @Test
    void aWebexRefusalIsExplainedWithItsTrackingIdAndNothingIsStored() {
        WEBEX.get().injectFault(Fault.status("POST /v1/meetings", 400, 1));
        String title = "Refused " + UUID.randomUUID().toString().substring(0, 8);
        Message command = say(OLIVIA, "create " + title + " | tomorrow 11:00 | 30m");

        Message reply =
                BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(command)).get(0);

        Matcher tracking = Pattern.compile("tracking id: ([^)\\s]+)\\)").matcher(reply.markdown());
        assertThat(tracking.find()).as(reply.markdown()).isTrue();
        assertThat(tracking.group(1)).isNotEqualTo("–");
        assertThat(reply.markdown()).contains("Nothing was changed");
        assertThat(WEBEX.get().meetings()).noneMatch(meeting -> meeting.title().equals(title));
        assertThat(meetings.upcomingFor(OLIVIA.id())
                        .filter(m -> m.title().equals(title))
                        .collectList()
                        .block())
                .isEmpty();
    }

    @Test
    void answersInTheThreadTheCommandCameIn() {
        String group = WEBEX.get()
                .createGroupRoom("planning " + UUID.randomUUID(), OLIVIA.id(), PETER.id(), BOT)
                .id();
        Message root = sayIn(PETER, group, null, "help");
        BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(root));

        Message inThread = sayIn(OLIVIA, group, root.id(), "liste");

        Message reply =
                BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(inThread)).get(0);
        assertThat(reply.parentId()).isEqualTo(root.id());
        assertThat(reply.roomId()).isEqualTo(group);
        assertThat(reply.markdown()).containsAnyOf("Ihre kommenden Meetings", "keine kommenden Meetings");
    }

    @Test
    void aSenderOutsideTheAllowedOrganizationsGetsOnePoliteAnswerAndNothingElse() {
        double before = meters.counter("guestgate.bot.senders.refused").count();
        Message first = say(BotTestWorld.MALLORY, "create Takeover | tomorrow 10:00 | 45m");

        Message answer =
                BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(first)).get(0);
        assertThat(answer.markdown()).contains("only for the organization that runs me", "nur für die Organisation");

        Message second = say(BotTestWorld.MALLORY, "help");
        await().atMost(ANSWER)
                .until(() -> meters.counter("guestgate.bot.senders.refused").count() >= before + 2);

        assertThat(repliesAfter(first)).as("one answer for both messages").containsExactly(answer);
        assertThat(WEBEX.get().requests("GET", "/v1/messages/" + first.id())).isEmpty();
        assertThat(WEBEX.get().requests("GET", "/v1/messages/" + second.id())).isEmpty();
        assertThat(WEBEX.get().meetings()).noneMatch(meeting -> meeting.title().equals("Takeover"));
    }

    @Test
    void aMistakeGetsWhatWasWrongAndAnExample() {
        Message command = say(OLIVIA, "create Q3 | 31.02.2027 10:00 | 45m");

        Message reply =
                BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(command)).get(0);

        assertThat(reply.markdown()).contains("no such date", "For example", "create Q3 review | tomorrow 10:00 | 45m");
    }

    private static void assertLockedDown(MeetingOptions options) {
        assertThat(options.enabledAutoRecordMeeting()).isFalse();
        assertThat(options.allowAnyUserToBeCoHost()).isFalse();
        assertThat(options.enabledJoinBeforeHost()).isTrue();
        assertThat(options.enableConnectAudioBeforeHost()).isFalse();
        assertThat(options.excludePassword()).isTrue();
        assertThat(options.publicMeeting()).isFalse();
        assertThat(options.enabledWebcastView()).isFalse();
        assertThat(options.enableAutomaticLock()).isFalse();
        assertThat(options.allowFirstUserToBeCoHost()).isFalse();
        assertThat(options.allowAuthenticatedDevices()).isFalse();
        assertThat(options.unlockedMeetingJoinSecurity()).isEqualTo("allowJoinWithLobby");
    }

    private static io.guestgate.emulator.meetings.Meeting onlyMeetingTitled(String title) {
        List<io.guestgate.emulator.meetings.Meeting> found = WEBEX.get().meetings().stream()
                .filter(meeting -> meeting.title().equals(title))
                .toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** Links the person's account the way the browser would: login link, Webex's consent, callback. */
    private void link(EmulatorSeed.Person person) {
        URI loginLink = loginLinks.create(person.id()).block();
        String state =
                UriComponentsBuilder.fromUri(loginLink).build().getQueryParams().getFirst("state");
        URI authorize = linking.authorizeRedirect(state).block();
        WEBEX.get().signInAs(person);
        URI callback = WebClient.create()
                .get()
                .uri(authorize)
                .exchangeToMono(response -> response.releaseBody()
                        .thenReturn(response.headers().asHttpHeaders().getLocation()))
                .block();
        String code =
                UriComponentsBuilder.fromUri(callback).build().getQueryParams().getFirst("code");
        assertThat(linking.complete(state, code).block()).isInstanceOf(ConnectResult.Linked.class);
    }

    /** A 1:1 message to the bot. */
    private Message say(EmulatorSeed.Person person, String text) {
        return BotTestWorld.say(WEBEX.get(), person, text);
    }

    /** A message in a group space that @mentions the bot, optionally in a thread. */
    private Message sayIn(EmulatorSeed.Person person, String roomId, String parentId, String command) {
        CreateMessageRequest.Builder message =
                CreateMessageRequest.toRoom(roomId).markdown("<@personId:" + BOT + "|GuestGate> " + command);
        if (parentId != null) {
            message.inThread(parentId);
        }
        return stored(webex.messages()
                .create(AccessToken.of(person.accessToken()), message.build())
                .block()
                .id());
    }

    /** Submits the card as Webex clients do: the inputs, with the submit button's data merged in. */
    private void submit(EmulatorSeed.Person person, Message card, Map<String, Object> inputs) {
        WebClient.create(WEBEX.get().apiBaseUrl())
                .post()
                .uri("/attachment/actions")
                .header("Authorization", "Bearer " + person.accessToken())
                .bodyValue(Map.of("type", "submit", "messageId", card.id(), "inputs", inputs))
                .retrieve()
                .toBodilessEntity()
                .block();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> submitData(Message card) {
        Map<String, Object> content =
                (Map<String, Object>) card.attachments().get(0).get("content");
        List<Map<String, Object>> actions = (List<Map<String, Object>>) content.get("actions");
        return (Map<String, Object>) actions.stream()
                .filter(a -> "Action.Submit".equals(a.get("type")))
                .findFirst()
                .orElseThrow()
                .get("data");
    }

    private static Message stored(String id) {
        return BotTestWorld.stored(WEBEX.get(), id);
    }

    /** The bot's messages in the same space, after the given one. */
    private static List<Message> repliesAfter(Message message) {
        return BotTestWorld.repliesAfter(WEBEX.get(), message);
    }
}
