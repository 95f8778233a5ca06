package io.guestgate.webex;

import io.guestgate.webex.messages.EditMessageRequest;
import io.guestgate.webex.messages.Message;
import io.guestgate.webex.spec.WebexContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Edit a Message" ({@code PUT /messages/{messageId}}): the request validates against the spec, the answer decodes. */
class MessageEditContractTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AccessToken BOT = AccessToken.of("bot-token-contract");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static SpecExampleServer server;
    private static WebexClient webex;

    @BeforeAll
    static void startServer() {
        server = SpecExampleServer.start();
        webex = WebexClient.create(WebexClientSettings.defaults().withApiBaseUrl(server.apiBaseUrl())
                .withRetry(RetrySettings.NONE), WebClient.builder());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void editSendsTheRoomAndTheNewTextAndDecodesTheEditedMessage() {
        Message edited = webex.messages().edit(BOT, "msg-1", EditMessageRequest.markdown("r-1", "**Admitted**"))
                .block(WAIT);

        SpecExampleServer.Recorded sent = server.requests().get(server.requests().size() - 1);
        assertThat(sent.method() + " " + sent.path()).isEqualTo("PUT /v1/messages/msg-1");
        assertThat(WebexContract.validateRequest(sent.method(), sent.target(), Map.of(), sent.headers(), sent.body())
                .errors()).as("the request validates against the spec").isEmpty();
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
