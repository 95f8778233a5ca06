package io.guestgate.platform.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.emulator.WebexEmulator;
import io.guestgate.platform.GuestgateProperties;
import io.guestgate.platform.webex.WebhookRegistrar.Action;
import io.guestgate.platform.webex.WebhookRegistrar.Verb;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.messages.CreateMessageRequest;
import io.guestgate.webex.oauth.AccessToken;
import io.guestgate.webex.webhooks.CreateWebhookRequest;
import io.guestgate.webex.webhooks.Webhook;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

class WebhookRegistrarTest {

    private static final String SECRET = "registrar-test-secret";
    private static final String TARGET = "https://guestgate.example.com/webhooks/webex";

    static WebexEmulator emulator;
    static WebexClient webex;
    static AccessToken bot;

    WebhookRegistrar registrar;

    @BeforeAll
    static void startEmulator() {
        // One failed delivery turns a webhook inactive, as many failures in a row do at Webex.
        emulator = WebexEmulator.builder()
                .property("emulator.webhooks.max-attempts", "1")
                .property("emulator.webhooks.max-consecutive-failures", "1")
                .start();
        WebexProperties properties = properties();
        webex = WebexClient.create(properties.clientSettings(), WebClient.builder());
        bot = properties.bot();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void cleanSlate() {
        webex.webhooks()
                .list(bot)
                .concatMap(hook -> webex.webhooks().delete(bot, hook.id()))
                .blockLast();
        registrar = new WebhookRegistrar(
                webex,
                properties(),
                new GuestgateProperties(
                        URI.create("https://guestgate.example.com/"), new GuestgateProperties.Redis("gg:")));
    }

    @Test
    void firstRunCreatesBothWebhooks() {
        List<Action> actions = registrar.register().block();

        assertThat(actions).extracting(Action::verb).containsExactly(Verb.CREATED, Verb.CREATED);
        assertThat(hooks())
                .extracting(Webhook::resource, Webhook::event, Webhook::targetUrl, Webhook::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("messages", "created", TARGET, "active"),
                        org.assertj.core.groups.Tuple.tuple("attachmentActions", "created", TARGET, "active"));
    }

    @Test
    void secondRunChangesNothing() {
        registrar.register().block();
        List<Webhook> before = hooks();

        List<Action> actions = registrar.register().block();

        assertThat(actions).extracting(Action::verb).containsOnly(Verb.UNCHANGED);
        assertThat(hooks()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void reactivatesAnInactiveWebhook() {
        registrar.register().block();
        // guestgate.example.com cannot be reached from here, so the next delivery fails and Webex gives up on it.
        AccessToken organizer = AccessToken.of(emulator.seed().organizer().accessToken());
        webex.messages()
                .create(
                        organizer,
                        CreateMessageRequest.toPersonEmail(emulator.seed().bot().email())
                                .text("help")
                                .build())
                .block();
        await().atMost(Duration.ofSeconds(10)).until(() -> !hook("messages").active());

        List<Action> actions = registrar.register().block();

        assertThat(actions).extracting(Action::verb).containsExactlyInAnyOrder(Verb.REACTIVATED, Verb.UNCHANGED);
        assertThat(hook("messages").active()).isTrue();
    }

    @Test
    void fixesAWrongTargetAndSecret() {
        // GuestGate's own webhook, by its name, from before the public URL and the secret changed.
        webex.webhooks()
                .create(
                        bot,
                        CreateWebhookRequest.of(
                                "guestgate-messages",
                                "https://old.example.com/hook",
                                "messages",
                                "created",
                                "old-secret"))
                .block();

        List<Action> actions = registrar.register().block();

        assertThat(actions).extracting(Action::verb).containsExactlyInAnyOrder(Verb.UPDATED, Verb.CREATED);
        assertThat(hook("messages").targetUrl()).isEqualTo(TARGET);
        assertThat(hook("messages").secret()).isEqualTo(SECRET);
        assertThat(hooks()).hasSize(2);
    }

    @Test
    void removesDuplicates() {
        for (int i = 0; i < 3; i++) {
            webex.webhooks()
                    .create(bot, CreateWebhookRequest.of("dup-" + i, TARGET, "attachmentActions", "created", SECRET))
                    .block();
        }

        List<Action> actions = registrar.register().block();

        assertThat(actions)
                .extracting(Action::verb)
                .containsExactlyInAnyOrder(Verb.CREATED, Verb.UNCHANGED, Verb.DELETED, Verb.DELETED);
        assertThat(hooks()).hasSize(2);
        assertThat(hooks())
                .filteredOn(hook -> hook.resource().equals("attachmentActions"))
                .hasSize(1);
    }

    @Test
    void leavesAnotherAppsWebhookForTheSameEventAlone() {
        Webhook other = webex.webhooks()
                .create(
                        bot,
                        CreateWebhookRequest.of(
                                "audit-bot", "https://audit.example.com/in", "messages", "created", "their-secret"))
                .block();

        List<Action> actions = registrar.register().block();

        assertThat(actions).extracting(Action::verb).containsExactly(Verb.CREATED, Verb.CREATED);
        assertThat(hooks()).hasSize(3).contains(other);
    }

    @Test
    void reportsAStrayWebhookThatPointsAtGuestGateForAnotherResource() {
        registrar.register().block();
        Webhook stray = webex.webhooks()
                .create(bot, CreateWebhookRequest.of("forgotten", TARGET, "rooms", "created", SECRET))
                .block();

        assertThat(registrar.strays().collectList().block())
                .singleElement()
                .extracting(Webhook::id)
                .isEqualTo(stray.id());
        assertThat(registrar.register().block()).extracting(Action::verb).containsOnly(Verb.UNCHANGED);
    }

    @Test
    void refusesToRegisterWithoutASecret() {
        WebexProperties noSecret = new WebexProperties(
                URI.create(emulator.apiBaseUrl()),
                bot.value(),
                " ",
                properties().integration(),
                properties().guest(),
                properties().http());
        WebhookRegistrar withoutSecret = new WebhookRegistrar(
                webex,
                noSecret,
                new GuestgateProperties(
                        URI.create("https://guestgate.example.com"), new GuestgateProperties.Redis("gg:")));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> withoutSecret.register().block())
                .hasMessageContaining("guestgate.webex.webhook-secret");
        assertThat(hooks()).isEmpty();
    }

    private static WebexProperties properties() {
        return new WebexProperties(
                URI.create(emulator.apiBaseUrl()),
                emulator.seed().bot().accessToken(),
                SECRET,
                new WebexProperties.Integration(null, null, null, List.of()),
                new WebexProperties.Guest(WebexProperties.GuestMode.SERVICE_APP, null, null, null),
                new WebexProperties.Http(
                        Duration.ofSeconds(2), Duration.ofSeconds(5), 1, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }

    private static List<Webhook> hooks() {
        return webex.webhooks().list(bot).collectList().block();
    }

    private static Webhook hook(String resource) {
        return hooks().stream()
                .filter(hook -> hook.resource().equals(resource))
                .findFirst()
                .orElseThrow();
    }
}
