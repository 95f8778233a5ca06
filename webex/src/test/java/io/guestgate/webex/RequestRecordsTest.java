package io.guestgate.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.guestgate.webex.meetings.JoinMeetingRequest;
import io.guestgate.webex.meetings.MeetingRequest;
import io.guestgate.webex.messages.CreateMessageRequest;
import io.guestgate.webex.oauth.AccessToken;
import io.guestgate.webex.oauth.ClientCredentials;
import io.guestgate.webex.webhooks.CreateWebhookRequest;
import io.guestgate.webex.webhooks.Webhook;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request records refuse what Webex would refuse, and the value types keep secrets out of toString. */
class RequestRecordsTest {

    private static final OffsetDateTime START = OffsetDateTime.parse("2030-05-01T10:00:00.123+02:00");

    @Test
    void messageGoesToExactlyOneTargetWithContentAndAtMostOneCard() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CreateMessageRequest("room", null, "a@example.com", null, "hi", null, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CreateMessageRequest.toRoom("room").build());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CreateMessageRequest.toRoom("room")
                        .adaptiveCard(Map.of("type", "AdaptiveCard"))
                        .build());
        Map<String, Object> card = Map.of("type", "AdaptiveCard");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CreateMessageRequest(
                        "room",
                        null,
                        null,
                        null,
                        "x",
                        null,
                        List.of(
                                io.guestgate.webex.messages.Attachment.adaptiveCard(card),
                                io.guestgate.webex.messages.Attachment.adaptiveCard(card))));

        CreateMessageRequest reply = CreateMessageRequest.toPerson("p-1")
                .markdown("**ok**")
                .inThread("m-0")
                .build();
        assertThat(reply.toPersonId()).isEqualTo("p-1");
        assertThat(reply.parentId()).isEqualTo("m-0");
        assertThat(reply.attachments()).isNull();
    }

    @Test
    void meetingNeedsTitleAndEndAfterStartAndIsSentInWholeSeconds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        MeetingRequest.builder(" ", START, START.plusHours(1)).build());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MeetingRequest.builder("t", START, START).build());

        MeetingRequest request =
                MeetingRequest.builder("t", START, START.plusHours(1)).build();
        assertThat(request.start()).isEqualTo(OffsetDateTime.parse("2030-05-01T10:00:00+02:00"));
        assertThat(request.enabledJoinBeforeHost())
                .as("unset flags stay unset, so they are not sent")
                .isNull();
    }

    @Test
    void joinNamesTheMeetingOnceAndExpiresWithinAnHour() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JoinMeetingRequest("m", "123", null, true, null, "A", 5, null, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JoinMeetingRequest.forGuest("m", "A", "a@example.com", 0));
    }

    @Test
    void secretsNeverShowInToString() {
        assertThat(AccessToken.of("tok-123").toString()).doesNotContain("tok-123");
        assertThat(new ClientCredentials("id", "sec-123").toString())
                .doesNotContain("sec-123")
                .contains("id");
        assertThat(CreateWebhookRequest.of("n", "https://x", "messages", "created", "sec-456")
                        .toString())
                .doesNotContain("sec-456");
        assertThat(new Webhook("w", "n", "https://x", "messages", "created", null, "sec-789", "active", null, null)
                        .toString())
                .doesNotContain("sec-789");
        assertThat(new ApplicationsApi.TokenRequest("id", "sec-321", "org").toString())
                .doesNotContain("sec-321");
        assertThatIllegalArgumentException().isThrownBy(() -> AccessToken.of("two words"));
    }

    @Test
    void settingsRejectNonsense() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebexClientSettings.defaults().withApiBaseUrl(java.net.URI.create("ftp://x/v1")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySettings(
                        0, java.time.Duration.ZERO, java.time.Duration.ZERO, java.time.Duration.ZERO));
        assertThat(WebexClientSettings.defaults()
                        .withApiBaseUrl(java.net.URI.create("http://localhost:1/v1/"))
                        .apiBaseUrl())
                .hasToString("http://localhost:1/v1");
    }
}
