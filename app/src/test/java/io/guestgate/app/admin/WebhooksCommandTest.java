package io.guestgate.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.WebexEmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebhooksCommandTest {

    @RegisterExtension
    static final WebexEmulatorExtension EMULATOR = WebexEmulatorExtension.withDefaults();

    static WebexEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = EMULATOR.get();
    }

    @Test
    void registersListsAndDeletesWithoutAWebServer() {
        Run first = run("register");
        Run second = run("register");
        Run list = run("list");
        Run delete = run("delete");
        Run empty = run("list");

        assertThat(first.code).isZero();
        assertThat(first.out)
                .contains("https://guestgate.example.com/webhooks/webex")
                .containsPattern("created +guestgate-messages")
                .containsPattern("created +guestgate-card-actions");
        assertThat(second.out).doesNotContain("created").containsPattern("unchanged +guestgate-messages");
        assertThat(list.out).contains("messages:created", "attachmentActions:created", "active");
        assertThat(delete.out).containsPattern("deleted +guestgate-messages");
        assertThat(empty.out).isBlank();
        assertThat(first.out + second.out + list.out + delete.out + first.err)
                .doesNotContain(emulator.seed().bot().accessToken(), "command-test-webhook-secret");
    }

    @Test
    void listReportsAWebhookThatPointsAtGuestGateForAnEventItDoesNotHandle() {
        io.guestgate.webex.WebexClient webex = io.guestgate.webex.WebexClient.create(
                io.guestgate.webex.WebexClientSettings.defaults()
                        .withApiBaseUrl(java.net.URI.create(emulator.apiBaseUrl())),
                org.springframework.web.reactive.function.client.WebClient.builder());
        io.guestgate.webex.oauth.AccessToken bot =
                io.guestgate.webex.oauth.AccessToken.of(emulator.seed().bot().accessToken());
        String stray = webex.webhooks()
                .create(
                        bot,
                        io.guestgate.webex.webhooks.CreateWebhookRequest.of(
                                "forgotten",
                                "https://guestgate.example.com/webhooks/webex",
                                "rooms",
                                "created",
                                "some-secret"))
                .block()
                .id();
        try {
            Run list = run("list");

            assertThat(list.code).isZero();
            assertThat(list.out).contains("stray: rooms:created (" + stray + ") points at GuestGate");
        } finally {
            webex.webhooks().delete(bot, stray).block();
        }
    }

    @Test
    void anUnknownVerbPrintsUsage() {
        Run run = run("explode");

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("Usage: java -jar guestgate.jar webhooks <register|list|delete>");
    }

    @Test
    void aMissingSecretIsNamed() {
        Run run = run("register", "--guestgate.webex.webhook-secret=");

        assertThat(run.code).isEqualTo(1);
        assertThat(run.err).contains("guestgate.webex.webhook-secret");
    }

    private static Run run(String verb, String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] base = {
            "webhooks",
            verb,
            "--guestgate.public-base-url=https://guestgate.example.com",
            "--guestgate.webex.api-base-url=" + emulator.apiBaseUrl(),
            "--guestgate.webex.bot-token=" + emulator.seed().bot().accessToken(),
            "--guestgate.webex.webhook-secret=command-test-webhook-secret",
            "--logging.level.root=WARN"
        };
        // An extra --key=value replaces the default for that key.
        java.util.List<String> args = new java.util.ArrayList<>();
        for (String arg : base) {
            String key = arg.split("=")[0];
            if (java.util.Arrays.stream(extra).noneMatch(e -> e.startsWith(key + "="))) {
                args.add(arg);
            }
        }
        args.addAll(java.util.List.of(extra));
        int code = WebhooksCommand.run(
                args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Run(int code, String out, String err) {}
}
