package io.guestgate.emulator.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.emulator.TestHttp;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.guests.GuestJwts;
import io.guestgate.emulator.messages.Room;
import io.guestgate.webex.WebexClientScenarios;
import io.guestgate.webex.oauth.AccessToken;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue "Done when" 2: the webex client's own scenarios, run against the emulator as a second target (stateful),
 * so client and emulator agree. No call may make the emulator fail with a 5xx.
 */
class EmulatorClientScenariosTest extends WebexClientScenarios {

    @RegisterExtension
    static final WebexEmulatorExtension EMULATOR = WebexEmulatorExtension.withDefaults();

    static WebexEmulator webex;
    static EmulatorSeed seed;
    static Room room;
    static String attachmentActionId;

    @BeforeAll
    static void start() {
        webex = EMULATOR.get();
        seed = webex.seed();
        room = webex.createGroupRoom(
                "GuestGate scenarios", seed.organizer().id(), seed.bot().id());
        String card = (String) TestHttp.client(webex, seed.bot().accessToken())
                .post()
                .uri("/v1/messages")
                .bodyValue(Map.of(
                        "roomId",
                        room.id(),
                        "text",
                        "Add participants",
                        "attachments",
                        List.of(Map.of(
                                "contentType",
                                "application/vnd.microsoft.card.adaptive",
                                "content",
                                Map.of("type", "AdaptiveCard", "version", "1.3", "body", List.of())))))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(TestHttp.MAP)
                .returnResult()
                .getResponseBody()
                .get("id");
        attachmentActionId = (String) TestHttp.client(webex, seed.organizer().accessToken())
                .post()
                .uri("/v1/attachment/actions")
                .bodyValue(Map.of("type", "submit", "messageId", card, "inputs", Map.of("emails", "anna@example.com")))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(TestHttp.MAP)
                .returnResult()
                .getResponseBody()
                .get("id");
    }

    @BeforeEach
    void forgetEarlierRequests() {
        webex.clearRequests();
    }

    @AfterEach
    void emulatorNeverFailed() {
        assertThat(webex.requests())
                .isNotEmpty()
                .allSatisfy(e ->
                        assertThat(e.status()).as(e.method() + " " + e.path()).isLessThan(500));
    }

    @Override
    protected URI apiBaseUrl() {
        return URI.create(webex.apiBaseUrl());
    }

    @Override
    protected AccessToken organizerToken() {
        return AccessToken.of(seed.organizer().accessToken());
    }

    @Override
    protected AccessToken botToken() {
        return AccessToken.of(seed.bot().accessToken());
    }

    @Override
    protected AccessToken serviceAppToken() {
        return AccessToken.of(seed.serviceApp().accessToken());
    }

    @Override
    protected String roomId() {
        return room.id();
    }

    @Override
    protected boolean stateful() {
        return true;
    }

    @Override
    protected Optional<AccessToken> guestIssuerJwt() {
        EmulatorSeed.GuestIssuer issuer = seed.guestIssuer();
        return Optional.of(AccessToken.of(GuestJwts.sign(
                issuer.decodedSecret(),
                GuestJwts.claims(
                        "inv-7f3a",
                        "Anna Müller",
                        issuer.id(),
                        Instant.now().plusSeconds(300).getEpochSecond()))));
    }

    @Override
    protected Optional<String> attachmentActionId() {
        return Optional.of(attachmentActionId);
    }
}
