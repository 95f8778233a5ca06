package io.guestgate.app.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.domain.account.OrganizerTokens;
import io.guestgate.domain.account.TokenResult;
import io.guestgate.domain.audit.AuditEvent;
import io.guestgate.domain.audit.AuditLog;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.lobby.DoorDecision;
import io.guestgate.domain.lobby.LobbyStore;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.emulator.journal.JournalEntry;
import io.guestgate.emulator.meetings.Participant;
import io.guestgate.emulator.messages.Message;
import io.guestgate.emulator.messages.Room;
import io.guestgate.emulator.webhooks.Webhook;
import io.guestgate.landing.support.Browser;
import io.guestgate.landing.support.GuestFlow;
import io.guestgate.platform.redis.Ids;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The door through the whole application, two instances behind the balancer, the organizer's lobby webhooks
 * delivered through it: real Redis, the Webex emulator, mock-oauth2-server as the identity provider. A verified guest
 * is let in from the lobby with nobody pressing anything; everyone else stays out and the organizer decides.
 */
class LobbyEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ADMIT = "/v1/meetingParticipants/admit";

    static ScaleWorld world;

    @BeforeAll
    static void start() {
        world = ScaleWorld.start(new ScaleWorld.Options().instances(2));
        world.deliverWebhooksThroughBalancer();
        world.ensureOrganizerLinked();
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @BeforeEach
    void freshJournal() {
        world.webex().clearRequests();
    }

    @AfterEach
    void noDeliveryFaultsLeft() {
        world.webex().clearDeliveryFaults();
    }

    @Test
    void aVerifiedGuestIsAdmittedFromTheLobbyWithinTwoSecondsWithOneAdmitCall() {
        Meeting meeting = world.meetingAtWebex("Door " + Ids.random(5));
        Guest anna = Guest.verify(meeting, "Anna", "Muster", "anna@example.com");

        Participant waiting = anna.join();
        assertThat(waiting.state()).isEqualTo(Participant.State.LOBBY);

        await("GuestGate admitting the verified guest")
                .atMost(Duration.ofSeconds(2))
                .until(() -> state(meeting, waiting.id()) == Participant.State.JOINED);
        Message told = world.awaitBotMessage(
                WAIT,
                "the organizer told who is in",
                message -> ScaleWorld.content(message).contains("**Anna Muster**")
                        && ScaleWorld.content(message).contains("is in **" + meeting.title() + "**"));
        assertThat(ScaleWorld.content(told)).contains("verified with");
        assertThat(anna.status()).isEqualTo("admitted");
        assertThat(admitCallsOnceJournaled(1))
                .as("one admit call, though two instances watch the lobby")
                .hasSize(1);
        assertThat(audit(meeting, "admitted")).isPresent();
        double counted = 0;
        long timed = 0;
        for (int i = 0; i < world.size(); i++) {
            MeterRegistry meters = world.instance(i).getBean(MeterRegistry.class);
            counted += meters.counter("guestgate.lobby.decisions", "outcome", "admitted")
                    .count();
            timed += meters.timer("guestgate.lobby.wait").count();
        }
        assertThat(counted).as("decisions counted by outcome").isGreaterThanOrEqualTo(1);
        assertThat(timed).as("lobby → admitted timed").isGreaterThanOrEqualTo(1);
    }

    @Test
    void theOrganizersLobbyWebhooksGoWithLogoutAndComeBackWithTheNextLink() {
        assertThat(lobbyWebhooks())
                .as("registered when the organizer linked")
                .extracting(Webhook::event)
                .containsExactlyInAnyOrder("joined", "left");
        assertThat(lobbyWebhooks()).allSatisfy(hook -> {
            assertThat(hook.targetUrl()).isEqualTo(world.publicUrl() + ScaleWorld.WEBHOOK_PATH);
            assertThat(hook.status()).isEqualTo(Webhook.Status.ACTIVE);
            assertThat(hook.secret()).isEqualTo(world.webhookSecret());
        });

        world.say("logout");
        world.awaitBotMessage(
                WAIT,
                "the logout answer",
                message -> ScaleWorld.content(message).contains("Your Webex account is unlinked"));
        assertThat(lobbyWebhooks()).as("removed at logout").isEmpty();

        world.ensureOrganizerLinked();
        assertThat(lobbyWebhooks())
                .as("made again at the next link")
                .extracting(Webhook::event)
                .containsExactlyInAnyOrder("joined", "left");
    }

    @Test
    void anOutsiderWithTheSameNameAndEmailStaysOutUntilTheOrganizerAdmitsAnyway() {
        Meeting meeting = world.meetingAtWebex("Door " + Ids.random(5));
        Guest.verify(meeting, "Bea", "Berger", "bea@example.com");
        String password = world.webex().password(meeting.webex().id());

        Participant outsider =
                world.webex().knock(meeting.webex().sipAddress(), "Bea Berger", "bea@example.com", password);
        Message card = awaitCard(meeting, "Bea Berger");
        // The signal that the door has looked again since the card: a second knocker's card.
        Participant second =
                world.webex().knock(meeting.webex().sipAddress(), "Somebody Else", "else@example.net", password);
        awaitCard(meeting, "Somebody Else");

        assertThat(cardsFor(meeting, "Bea Berger"))
                .as("exactly one card per knocker")
                .hasSize(1);
        assertThat(state(meeting, outsider.id())).isEqualTo(Participant.State.LOBBY);
        assertThat(state(meeting, second.id())).isEqualTo(Participant.State.LOBBY);
        assertThat(admitCalls()).isEmpty();

        press(card);
        world.awaitBotMessage(
                WAIT,
                "the organizer's confirmation",
                message -> ScaleWorld.content(message).contains("You let **Bea Berger** in"));
        assertThat(state(meeting, outsider.id())).isEqualTo(Participant.State.JOINED);
        assertThat(state(meeting, second.id())).isEqualTo(Participant.State.LOBBY);
        AuditEvent anyway = audit(meeting, "admitted-anyway").orElseThrow();
        assertThat(anyway.actor()).isEqualTo(world.organizer().id());
        assertThat(anyway.details()).containsEntry("participantId", outsider.id());

        press(card);
        world.awaitBotMessage(
                WAIT,
                "the answer to a second press",
                message -> ScaleWorld.content(message).contains("You already let **Bea Berger** in"));
        assertThat(admitCallsOnceJournaled(1)).hasSize(1);
    }

    @Test
    void aSecondJoinWithAnAdmittedGuestsIdentityIsNotAdmitted() {
        Meeting meeting = world.meetingAtWebex("Door " + Ids.random(5));
        Guest carl = Guest.verify(meeting, "Carl", "Clever", "carl@example.com");
        Participant first = carl.join();
        await("the guest admitted").atMost(WAIT).until(() -> state(meeting, first.id()) == Participant.State.JOINED);

        Participant secondDevice = carl.join();
        world.awaitBotMessage(
                WAIT,
                "the organizer warned",
                message -> ScaleWorld.content(message)
                        .contains("with the Webex identity of **Carl Clever**, who is in the meeting already"));

        assertThat(state(meeting, secondDevice.id())).isEqualTo(Participant.State.LOBBY);
        assertThat(decision(meeting, secondDevice.id())).isEqualTo(DoorDecision.Kind.REFUSED_DUPLICATE);
        assertThat(admitCallsOnceJournaled(1)).hasSize(1);
        assertThat(carl.status()).as("the second device's page").isEqualTo("refused");

        // The first device leaves (a guest who reloaded the page): the identity's seat is free, the second gets in.
        world.webex().leave(first.id());
        await("the second device admitted once the first left")
                .atMost(WAIT)
                .until(() -> state(meeting, secondDevice.id()) == Participant.State.JOINED);
        assertThat(admitCallsOnceJournaled(2)).hasSize(2);
        await("the later admission audited")
                .atMost(WAIT)
                .until(() -> audits(meeting, "admitted").stream()
                        .anyMatch(event ->
                                secondDevice.id().equals(event.details().get("participantId"))));
    }

    @Test
    void aGuestWhoseInvitationWasRemovedAfterTheTokenIsNotAdmitted() {
        Meeting meeting = world.meetingAtWebex("Door " + Ids.random(5));
        Guest dora = Guest.verify(meeting, "Dora", "Dorn", "dora@example.com");
        world.instance(0)
                .getBean(InvitationStore.class)
                .revoke(dora.invitationId())
                .block();

        Participant waiting = dora.join();
        world.awaitBotMessage(
                WAIT,
                "the organizer told",
                message -> ScaleWorld.content(message)
                        .contains("**Dora Dorn** is waiting in the lobby of **" + meeting.title() + "**, but their "
                                + "invitation was withdrawn"));

        assertThat(state(meeting, waiting.id())).isEqualTo(Participant.State.LOBBY);
        assertThat(decision(meeting, waiting.id())).isEqualTo(DoorDecision.Kind.REFUSED_WITHDRAWN);
        assertThat(admitCalls()).isEmpty();
        assertThat(dora.status()).isEqualTo("refused");
    }

    @Test
    void withTheLobbyWebhooksLostPollingStillAdmitsWithinTenSeconds() {
        Meeting meeting = world.meetingAtWebex("Door " + Ids.random(5));
        Guest emil = Guest.verify(meeting, "Emil", "Egger", "emil@example.com");
        world.webex().dropDeliveries("meetingParticipants");

        Participant waiting = emil.join();
        await("polling admitting the guest")
                .atMost(Duration.ofSeconds(10))
                .until(() -> state(meeting, waiting.id()) == Participant.State.JOINED);

        assertThat(world.webex().deliveries())
                .as("the webhooks were dropped, so polling did it")
                .filteredOn(d -> d.resource().equals("meetingParticipants")
                        && d.attempts().stream().anyMatch(a -> a.status() >= 200 && a.status() < 300)
                        && d.body().contains(waiting.id()))
                .isEmpty();
        assertThat(admitCallsOnceJournaled(1)).hasSize(1);
    }

    @Test
    void anExpiredOrganizerTokenIsRefreshedAndTheAdmitGoesThrough() {
        Meeting meeting = world.meetingAtWebex("Door " + Ids.random(5));
        Guest fritz = Guest.verify(meeting, "Fritz", "Fink", "fritz@example.com");
        // GuestGate's token for the organizer expires at Webex before GuestGate thinks it should (a revocation, a
        // clock apart); the organizer's own Webex client keeps its token.
        TokenResult held = world.instance(0)
                .getBean(OrganizerTokens.class)
                .validAccessToken(world.organizer().id())
                .block();
        assertThat(held).isInstanceOf(TokenResult.Token.class);
        assertThat(world.webex().expireAccessToken(((TokenResult.Token) held).accessToken()))
                .isTrue();

        Participant waiting = fritz.join();
        await("the guest admitted with a refreshed token")
                .atMost(WAIT)
                .until(() -> state(meeting, waiting.id()) == Participant.State.JOINED);

        assertThat(world.webex().requests("POST", "/v1/access_token"))
                .as("a refresh")
                .anyMatch(entry -> "refresh_token".equals(entry.grant()));
        // The journal records a call once its answer is out, a moment after the participant's state changed.
        await("the admit call journaled")
                .atMost(WAIT)
                .until(() -> admitCalls().stream().anyMatch(e -> e.status() == 204));
        assertThat(admitCalls()).filteredOn(entry -> entry.status() == 204).hasSize(1);
    }

    @Test
    void aRevokedOrganizerLinkIsToldOnceInChatWithAFreshLoginLinkBeforeTheNextCommand() {
        Meeting first = world.meetingAtWebex("Door " + Ids.random(5));
        Meeting second = world.meetingAtWebex("Door " + Ids.random(5));
        Guest gina = Guest.verify(first, "Gina", "Graf", "gina@example.com");
        Guest hans = Guest.verify(second, "Hans", "Huber", "hans@example.com");
        assertThat(watched(first))
                .as("the door watches a meeting once a guest has a token")
                .isTrue();
        assertThat(watched(second)).isTrue();
        // The organizer revokes GuestGate's access at Webex: GuestGate's access token and refresh token stop working
        // (the organizer's own Webex client keeps its token).
        TokenResult held = world.instance(0)
                .getBean(OrganizerTokens.class)
                .validAccessToken(world.organizer().id())
                .block();
        assertThat(held).isInstanceOf(TokenResult.Token.class);
        double before = unkept("link-gone");
        Predicate<Message> linkGoneNotice =
                message -> ScaleWorld.content(message).contains("no longer works");
        try {
            assertThat(world.webex().expireAccessToken(((TokenResult.Token) held).accessToken()))
                    .isTrue();
            assertThat(world.webex().revokeRefreshTokens(world.organizer().id()))
                    .isPositive();

            // Nobody writes to the bot: the door finds the revoked link when guests wait, in both meetings.
            Participant ginaWaiting = gina.join();
            Participant hansWaiting = hans.join();
            // The door stops watching a meeting it cannot keep after its notice went out (or was skipped).
            await("the door giving up on both meetings").atMost(WAIT).until(() -> !watched(first) && !watched(second));

            assertThat(world.botMessages())
                    .filteredOn(linkGoneNotice)
                    .as("told once, not once per meeting")
                    .hasSize(1);
            Message told = world.botMessages().stream()
                    .filter(linkGoneNotice)
                    .findFirst()
                    .orElseThrow();
            assertThat(ScaleWorld.content(told))
                    .as("a fresh login link in the notice, not just 'write login'")
                    .containsPattern(
                            "\\[Link your Webex account]\\(https?://[^)\\s]+/oauth/webex/start\\?state=[^)\\s]+\\)")
                    .contains("**Door ");
            assertThat(told.roomType())
                    .as("1:1: the login link is a credential")
                    .isEqualTo(Room.Type.DIRECT);
            assertThat(unkept("link-gone")).as("counted per meeting").isGreaterThanOrEqualTo(before + 2);
            assertThat(state(first, ginaWaiting.id()))
                    .as("nobody admitted without a token")
                    .isEqualTo(Participant.State.LOBBY);
            assertThat(state(second, hansWaiting.id())).isEqualTo(Participant.State.LOBBY);
        } finally {
            world.ensureOrganizerLinked();
        }
    }

    private static boolean watched(Meeting meeting) {
        return world.instance(0)
                .getBean(LobbyStore.class)
                .watched(Instant.now())
                .any(meeting.id()::equals)
                .block();
    }

    @Test
    void aJoinLinkLeadsToTheLobbyAndTheOrganizerDecidesButNotForTwoClaimants() {
        Meeting meeting = world.meetingAtWebex("Door " + Ids.random(5));
        Guest gina = Guest.verify(meeting, "Gina", "Graf", "gina@example.com");

        Browser.Page meetingPage = gina.browser().get(world.publicUrl() + "/join/" + gina.token() + "/meeting");
        assertThat(meetingPage.body()).contains("Open in Webex");
        Browser.Page redirect = gina.browser()
                .postForm(world.publicUrl() + "/join/" + gina.token() + "/webex-link", meetingPage.hiddenFields());
        assertThat(redirect.status()).isEqualTo(303);
        assertThat(redirect.header("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        String joinLink = redirect.location();
        assertThat(redirect.body()).doesNotContain(joinLink);
        assertThat(gina.browser()
                        .get(world.publicUrl() + "/join/" + gina.token() + "/meeting")
                        .body())
                .as("the page never shows the link")
                .doesNotContain(joinLink);

        Participant viaLink = world.webex().openJoinLink(joinLink);
        Message card = world.awaitBotMessage(
                WAIT,
                "the host-confirm card",
                message -> !message.attachments().isEmpty()
                        && ScaleWorld.content(message)
                                .contains("opened their Webex link to **" + meeting.title() + "**"));
        assertThat(ScaleWorld.content(card)).contains("**Gina Graf**").contains("'Gina Graf'");
        assertThat(state(meeting, viaLink.id())).isEqualTo(Participant.State.LOBBY);

        Participant claimant = world.webex().openJoinLink(joinLink);
        world.awaitBotMessage(
                WAIT,
                "the organizer told of two claimants",
                message -> ScaleWorld.content(message)
                        .contains("Two people are waiting in the lobby of **" + meeting.title() + "**"));
        press(card);
        world.awaitBotMessage(
                WAIT,
                "Admit anyway refused for two claimants",
                message -> ScaleWorld.content(message).contains("Two people claim the same Webex link"));

        assertThat(state(meeting, viaLink.id())).isEqualTo(Participant.State.LOBBY);
        assertThat(state(meeting, claimant.id())).isEqualTo(Participant.State.LOBBY);
        assertThat(admitCalls()).isEmpty();
        assertThat(audit(meeting, "issued"))
                .as("the join link is audited, without the link")
                .hasValueSatisfying(
                        event -> assertThat(event.details().values()).noneMatch(v -> v.contains(joinLink)));
    }

    // ---- helpers

    /** A guest who verified for an invitation to the meeting and holds a fresh guest token. */
    private record Guest(
            Browser browser, String invitationId, String token, Map<String, String> page, JsonNode session) {

        static Guest verify(Meeting meeting, String given, String family, String email) {
            ScaleWorld.InvitedGuest invited = world.invite(0, meeting, given + " " + family, email);
            world.nextGuestLogin(
                    given.toLowerCase() + "-" + invited.invitation().id(), given, family, email);
            Browser browser = new Browser(world.publicUrl());
            GuestFlow.Login login = GuestFlow.verify(browser, world.publicUrl(), invited.token());
            Browser.Page meetingPage = login.admission().isRedirect()
                    ? browser.follow(login.admission().location())
                    : login.admission();
            assertThat(meetingPage.uri().getPath()).isEqualTo("/join/" + invited.token() + "/meeting");
            Map<String, String> data = meetingPage.dataAttributes();
            assertThat(data).containsEntry("status-url", "/join/" + invited.token() + "/lobby");
            Browser.Page session = browser.post(
                    world.publicUrl() + data.get("session-url"),
                    Map.of(data.get("csrf-header"), data.get("csrf-token")));
            assertThat(session.status()).as(session.body()).isEqualTo(200);
            return new Guest(browser, invited.invitation().id(), invited.token(), data, JSON.readTree(session.body()));
        }

        /** What the widget does with the session: join the meeting with the token (and the password it got). */
        Participant join() {
            JsonNode password = session.get("password");
            return world.webex()
                    .joinMeeting(
                            session.get("destination").asString(),
                            session.get("accessToken").asString(),
                            password == null || password.isNull() ? null : password.asString());
        }

        /** The lobby state the meeting page shows. */
        String status() {
            Browser.Page status = browser.get(world.publicUrl() + page.get("status-url"));
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.header("Cache-Control"))
                    .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
            return JSON.readTree(status.body()).get("state").asString();
        }
    }

    private static List<Webhook> lobbyWebhooks() {
        return world.webex().webhooks().stream()
                .filter(hook -> hook.ownerId().equals(world.organizer().id())
                        && hook.resource().equals("meetingParticipants"))
                .toList();
    }

    private static Participant.State state(Meeting meeting, String participantId) {
        return world.webex().participants(meeting.webex().id()).stream()
                .filter(p -> p.id().equals(participantId))
                .findFirst()
                .map(Participant::state)
                .orElse(null);
    }

    private static DoorDecision.Kind decision(Meeting meeting, String participantId) {
        DoorDecision decided = world.instance(0)
                .getBean(LobbyStore.class)
                .decision(meeting.id(), participantId)
                .block();
        return decided == null ? null : decided.kind();
    }

    private static List<JournalEntry> admitCalls() {
        return world.webex().requests("POST", ADMIT);
    }

    /**
     * The admit calls, once at least {@code expected} are in the journal: it records a call when its answer is out, a
     * moment after the participant's state changed.
     */
    private static List<JournalEntry> admitCallsOnceJournaled(int expected) {
        await(expected + " admit call(s) journaled")
                .atMost(WAIT)
                .until(() -> admitCalls().size() >= expected);
        return admitCalls();
    }

    private static java.util.Optional<AuditEvent> audit(Meeting meeting, String outcome) {
        return audits(meeting, outcome).stream().findFirst();
    }

    private static List<AuditEvent> audits(Meeting meeting, String outcome) {
        return world.instance(0)
                .getBean(AuditLog.class)
                .latest(500)
                .toStream()
                .filter(event -> meeting.id().equals(event.meetingId()) && outcome.equals(event.outcome()))
                .toList();
    }

    private static Message awaitCard(Meeting meeting, String shownAs) {
        return world.awaitBotMessage(WAIT, "the lobby card for " + shownAs, card(meeting, shownAs));
    }

    private static List<Message> cardsFor(Meeting meeting, String shownAs) {
        return world.botMessages().stream().filter(card(meeting, shownAs)).toList();
    }

    private static Predicate<Message> card(Meeting meeting, String shownAs) {
        return message -> !message.attachments().isEmpty()
                && ScaleWorld.content(message).contains("lobby of **" + meeting.title() + "** as '" + shownAs + "'");
    }

    /** The organizer presses the card's one button, Admit anyway. */
    private static double unkept(String reason) {
        double counted = 0;
        for (int i = 0; i < world.size(); i++) {
            counted += world.instance(i)
                    .getBean(MeterRegistry.class)
                    .counter("guestgate.lobby.unkept", "reason", reason)
                    .count();
        }
        return counted;
    }

    private static void press(Message card) {
        JsonNode content = JSON.valueToTree(card.attachments().get(0)).get("content");
        world.pressCardButton(
                card, JSON.treeToValue(content.get("actions").get(0).get("data"), Map.class));
    }
}
