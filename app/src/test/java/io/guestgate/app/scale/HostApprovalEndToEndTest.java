package io.guestgate.app.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.emulator.messages.Message;
import io.guestgate.landing.support.Browser;
import io.guestgate.landing.support.GuestFlow;
import io.guestgate.platform.redis.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Match policy {@code host-approval} through the whole application, two instances behind the balancer: the guest
 * verifies and waits; the organizer gets the bot's card and presses "admit" in their Webex client (a card submit at
 * the emulator); Webex's webhook reaches the bot's card handler, which records the answer; the guest's waiting page
 * moves on to the meeting, and the guest token is minted in the verified name. The landing and the bot each test
 * their half alone; this is the two halves together.
 */
class HostApprovalEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    static ScaleWorld world;

    @BeforeAll
    static void start() {
        world = ScaleWorld.start(
                new ScaleWorld.Options().instances(2).property("guestgate.admission.match-policy", "host-approval"));
        world.deliverWebhooksThroughBalancer();
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void theOrganizerAdmitsAWaitingGuestWithTheCardsButton() throws Exception {
        // Card submissions do not name the sender's address: the bot acts on them for linked organizers only.
        world.ensureOrganizerLinked();
        Meeting meeting =
                world.storedMeeting("Approval " + Ids.random(5), Instant.now().minus(Duration.ofMinutes(5)));
        ScaleWorld.InvitedGuest hanna = world.invite(0, meeting, "Hanna Huber", "hanna@example.com");
        Invitation invitation = hanna.invitation();
        String token = hanna.token();
        world.nextGuestLogin("hanna-" + invitation.id(), "Hanna", "Huber", "hanna.private@example.net");

        Browser guest = new Browser(world.publicUrl());
        Browser.Page authorization = GuestFlow.startLogin(guest, world.publicUrl(), token);
        Browser.Page waiting = guest.follow(authorization.location());
        String waitingUrl = world.publicUrl() + "/join/" + token + "/waiting";
        assertThat(waiting.uri().toString()).isEqualTo(waitingUrl);
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.body()).contains("Waiting for the organizer");

        Message card = world.awaitBotMessage(
                WAIT,
                "the approval card",
                message -> !message.attachments().isEmpty()
                        && JSON.valueToTree(message.attachments().get(0))
                                .toString()
                                .contains("hanna.private@example.net"));
        pressOnCard(card, "admit");

        world.awaitBotMessage(
                WAIT,
                "the organizer's confirmation",
                message -> ScaleWorld.content(message).contains("You admitted **Hanna Huber**"));
        await("the waiting page moving on")
                .atMost(WAIT)
                .until(() -> guest.get(waitingUrl).status() == 303);
        Browser.Page meetingPage = guest.follow(waitingUrl);
        assertThat(meetingPage.uri().getPath()).isEqualTo("/join/" + token + "/meeting");
        Map<String, String> data = meetingPage.dataAttributes();
        Browser.Page session = guest.post(
                world.publicUrl() + data.get("session-url"), Map.of(data.get("csrf-header"), data.get("csrf-token")));
        assertThat(session.status()).isEqualTo(200);
        assertThat(JSON.readTree(session.body()).get("displayName").asString()).isEqualTo("Hanna Huber");
        assertThat(world.instance(1)
                        .getBean(InvitationStore.class)
                        .findById(invitation.id())
                        .block()
                        .identity()
                        .subject())
                .isEqualTo("hanna-" + invitation.id());
    }

    /** The organizer presses the card's button for {@code decision}. */
    private static void pressOnCard(Message card, String decision) {
        JsonNode content = JSON.valueToTree(card.attachments().get(0)).get("content");
        JsonNode button = null;
        for (JsonNode action : content.get("actions")) {
            if (decision.equals(action.path("data").path("decision").asString())) {
                button = action;
            }
        }
        assertThat(button).as("a %s button on the card", decision).isNotNull();
        world.pressCardButton(card, JSON.treeToValue(button.get("data"), Map.class));
    }
}
