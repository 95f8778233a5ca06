package io.guestgate.bot;

import static org.awaitility.Awaitility.await;

import io.guestgate.domain.testing.DomainTestProperties;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.messages.Message;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.WebexClientSettings;
import io.guestgate.webex.messages.CreateMessageRequest;
import io.guestgate.webex.oauth.AccessToken;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.reactive.function.client.WebClient;

/** What the bot's Spring tests share: the emulator as Webex, the real Redis, and waiting for async answers. */
public final class BotTestWorld {

    /** Someone outside the allowed domains, next to the seed's organizer (Olivia) and second person (Peter). */
    public static final EmulatorSeed.Person MALLORY =
            new EmulatorSeed.Person(null, "mallory@elsewhere.org", "Mallory Outsider", "mallory-access-token");

    /** The seed's organizer, second person and {@link #MALLORY}. */
    public static final EmulatorSeed SEED = EmulatorSeed.defaults()
            .withPeople(List.of(
                    EmulatorSeed.defaults().organizer(), EmulatorSeed.defaults().secondPerson(), MALLORY));

    private BotTestWorld() {}

    /** One emulator per test class, seeded with {@link #SEED}; register it as a static {@code @RegisterExtension}. */
    public static WebexEmulatorExtension emulator() {
        return WebexEmulatorExtension.withSeed(SEED);
    }

    /** Redis under a fresh prefix, the emulator as Webex, a fresh webhook secret; returns that secret. */
    public static String register(DynamicPropertyRegistry registry, WebexEmulator webex) {
        // The emulator's integration accepts this callback; the login link is built from it.
        DomainTestProperties.register(registry, "http://localhost:8080");
        String secret = "webhook-secret-" + UUID.randomUUID();
        registry.add("guestgate.webex.api-base-url", webex::apiBaseUrl);
        registry.add("guestgate.webex.bot-token", () -> webex.seed().bot().accessToken());
        registry.add("guestgate.webex.webhook-secret", () -> secret);
        registry.add(
                "guestgate.webex.integration.client-id",
                () -> webex.seed().integration().clientId());
        registry.add(
                "guestgate.webex.integration.client-secret",
                () -> webex.seed().integration().clientSecret());
        registry.add("guestgate.webex.integration.redirect-uri", () -> "http://localhost:8080/oauth/webex/callback");
        registry.add("guestgate.webex.http.max-attempts", () -> "1");
        // The emulator answers at once; a lost answer (a fault) should not keep a test waiting the production 30 s.
        registry.add("guestgate.webex.http.response-timeout", () -> "5s");
        return secret;
    }

    /** A client of the emulator's API, as a Webex client app would use it. */
    public static WebexClient client(WebexEmulator webex) {
        return WebexClient.create(
                WebexClientSettings.defaults().withApiBaseUrl(URI.create(webex.apiBaseUrl())), WebClient.builder());
    }

    /** A 1:1 message from {@code person} to the bot, written through the emulator's API; the stored message. */
    public static Message say(WebexEmulator webex, EmulatorSeed.Person person, String text) {
        String id = client(webex)
                .messages()
                .create(
                        AccessToken.of(person.accessToken()),
                        CreateMessageRequest.toPerson(webex.seed().bot().id())
                                .text(text)
                                .build())
                .block()
                .id();
        return stored(webex, id);
    }

    /** The emulator's record of a message. */
    public static Message stored(WebexEmulator webex, String id) {
        return webex.messages().stream()
                .filter(m -> m.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** The bot's messages in the same space, after the given one. */
    public static List<Message> repliesAfter(WebexEmulator webex, Message message) {
        String bot = webex.seed().bot().id();
        return webex.messages().stream()
                .filter(m -> bot.equals(m.personId())
                        && m.roomId().equals(message.roomId())
                        && m.created().isAfter(message.created()))
                .toList();
    }

    /** The bot's messages in a space, oldest first. */
    public static List<Message> botMessages(WebexEmulator webex, String roomId) {
        String bot = webex.seed().bot().id();
        return webex.messages().stream()
                .filter(m -> bot.equals(m.personId()) && roomId.equals(m.roomId()))
                .toList();
    }

    /** The value once it is non-empty, waiting at most {@code timeout}. */
    public static <T extends Collection<?>> T awaitNonEmpty(Duration timeout, Callable<T> value) {
        return await().atMost(timeout).until(value, found -> !found.isEmpty());
    }
}
