package io.guestgate.emulator.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.emulator.TestHttp;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code PUT /v1/messages/{id}} as the spec's "Edit a Message" describes it: only the author edits, text and
 * markdown only, at most 10 times, and never a message that carries a card or files (400, "not currently
 * supported"). A card cannot be changed after it was posted.
 */
class MessageEditsTest {

    @RegisterExtension
    static WebexEmulatorExtension emulator = WebexEmulatorExtension.withDefaults();

    static final Map<String, Object> CARD = Map.of(
            "contentType",
            "application/vnd.microsoft.card.adaptive",
            "content",
            Map.of(
                    "type",
                    "AdaptiveCard",
                    "version",
                    "1.3",
                    "body",
                    List.of(Map.of("type", "TextBlock", "text", "Admit?"))));

    @Test
    void theAuthorEditsTheTextAndWebexShowsWhenItChanged(WebexEmulator webex) {
        EmulatorSeed seed = webex.seed();
        Map<String, Object> posted = post(
                webex,
                seed.bot().accessToken(),
                Map.of("toPersonId", seed.organizer().id(), "markdown", "Anna is **waiting**"));
        String id = (String) posted.get("id");

        Map<String, Object> edited = TestHttp.client(webex, seed.bot().accessToken())
                .put()
                .uri("/v1/messages/" + id)
                .bodyValue(Map.of("roomId", posted.get("roomId"), "markdown", "Anna was **admitted**"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(TestHttp.MAP)
                .returnResult()
                .getResponseBody();

        assertThat(edited)
                .containsEntry("id", id)
                .containsEntry("markdown", "Anna was **admitted**")
                .containsKey("updated");
        assertThat(TestHttp.client(webex, seed.organizer().accessToken())
                        .get()
                        .uri("/v1/messages/" + id)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(TestHttp.MAP)
                        .returnResult()
                        .getResponseBody())
                .as("the other side of the space reads the edited text")
                .containsEntry("markdown", "Anna was **admitted**");
    }

    @Test
    void aMessageWithACardCannotBeEdited(WebexEmulator webex) {
        EmulatorSeed seed = webex.seed();
        Map<String, Object> card = post(
                webex,
                seed.bot().accessToken(),
                Map.of(
                        "toPersonId",
                        seed.organizer().id(),
                        "markdown",
                        "Someone wants to join",
                        "attachments",
                        List.of(CARD)));

        TestHttp.client(webex, seed.bot().accessToken())
                .put()
                .uri("/v1/messages/" + card.get("id"))
                .bodyValue(Map.of("roomId", card.get("roomId"), "markdown", "Answered"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.message")
                .value(m -> assertThat(m.toString()).contains("not currently supported"));
    }

    @Test
    void onlyTheAuthorEditsAndAtMostTenTimes(WebexEmulator webex) {
        EmulatorSeed seed = webex.seed();
        Map<String, Object> posted = post(
                webex,
                seed.bot().accessToken(),
                Map.of("toPersonId", seed.organizer().id(), "text", "edit me"));
        String uri = "/v1/messages/" + posted.get("id");
        Map<String, Object> body = Map.of("roomId", posted.get("roomId"), "text", "edited");

        TestHttp.client(webex, seed.organizer().accessToken())
                .put()
                .uri(uri)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isForbidden();
        TestHttp.client(webex, seed.secondPerson().accessToken())
                .put()
                .uri(uri)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isNotFound();
        TestHttp.client(webex, seed.bot().accessToken())
                .put()
                .uri(uri)
                .bodyValue(Map.of("text", "no room"))
                .exchange()
                .expectStatus()
                .isBadRequest();
        for (int i = 0; i < 10; i++) {
            TestHttp.client(webex, seed.bot().accessToken())
                    .put()
                    .uri(uri)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        TestHttp.client(webex, seed.bot().accessToken())
                .put()
                .uri(uri)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.message")
                .value(m -> assertThat(m.toString()).contains("edit limit"));
    }

    private static Map<String, Object> post(WebexEmulator webex, String token, Map<String, Object> body) {
        return TestHttp.client(webex, token)
                .post()
                .uri("/v1/messages")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(TestHttp.MAP)
                .returnResult()
                .getResponseBody();
    }
}
