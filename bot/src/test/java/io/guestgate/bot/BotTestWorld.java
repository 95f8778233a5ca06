package io.guestgate.bot;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.reactive.function.client.WebClient;

import io.guestgate.emulator.EmulatorSeed;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.messages.Message;
import io.guestgate.guestlist.testing.GuestlistTestProperties;
import io.guestgate.webex.AccessToken;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.WebexClientSettings;
import io.guestgate.webex.messages.CreateMessageRequest;

/** What the bot's Spring tests share: the emulator as Webex, the real Redis, and waiting for async answers. */
public final class BotTestWorld {

    /** Someone outside the allowed domains, next to the seed's organizer (Olivia) and second person (Peter). */
    public static final EmulatorSeed.Person MALLORY = new EmulatorSeed.Person(null, "mallory@elsewhere.org",
            "Mallory Outsider", "mallory-access-token");

    private BotTestWorld() {
    }

    public static WebexEmulator startEmulator() {
        EmulatorSeed defaults = EmulatorSeed.defaults();
        return WebexEmulator.start(defaults.withPeople(List.of(defaults.organizer(), defaults.secondPerson(), MALLORY)));
    }

    /** Redis under a fresh prefix, the emulator as Webex, a fresh webhook secret; returns that secret. */
    public static String register(DynamicPropertyRegistry registry, WebexEmulator webex) {
        // The emulator's integration accepts this callback; the login link is built from it.
        GuestlistTestProperties.register(registry, "http://localhost:8080");
        String secret = "webhook-secret-" + UUID.randomUUID();
        registry.add("guestgate.webex.api-base-url", webex::apiBaseUrl);
        registry.add("guestgate.webex.bot-token", () -> webex.seed().bot().accessToken());
        registry.add("guestgate.webex.webhook-secret", () -> secret);
        registry.add("guestgate.webex.integration.client-id", () -> webex.seed().integration().clientId());
        registry.add("guestgate.webex.integration.client-secret", () -> webex.seed().integration().clientSecret());
        registry.add("guestgate.webex.integration.redirect-uri", () -> "http://localhost:8080/oauth/webex/callback");
        registry.add("guestgate.webex.http.max-attempts", () -> "1");
        // The emulator answers at once; a lost answer (a fault) should not keep a test waiting the production 30 s.
        registry.add("guestgate.webex.http.response-timeout", () -> "5s");
        return secret;
    }

    /** A client of the emulator's API, as a Webex client app would use it. */
    public static WebexClient client(WebexEmulator webex) {
        return WebexClient.create(WebexClientSettings.defaults().withApiBaseUrl(URI.create(webex.apiBaseUrl())),
                WebClient.builder());
    }

    /** A 1:1 message from {@code person} to the bot, written through the emulator's API; the stored message. */
    public static Message say(WebexEmulator webex, EmulatorSeed.Person person, String text) {
        String id = client(webex).messages().create(AccessToken.of(person.accessToken()),
                CreateMessageRequest.toPerson(webex.seed().bot().id()).text(text).build()).block().id();
        return stored(webex, id);
    }

    /** The emulator's record of a message. */
    public static Message stored(WebexEmulator webex, String id) {
        return webex.messages().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    /** The bot's messages in the same space, after the given one. */
    public static List<Message> repliesAfter(WebexEmulator webex, Message message) {
        String bot = webex.seed().bot().id();
        return webex.messages().stream()
                .filter(m -> bot.equals(m.personId()) && m.roomId().equals(message.roomId())
                        && m.created().isAfter(message.created()))
                .toList();
    }

    /** The bot's messages in a space, oldest first. */
    public static List<Message> botMessages(WebexEmulator webex, String roomId) {
        String bot = webex.seed().bot().id();
        return webex.messages().stream().filter(m -> bot.equals(m.personId()) && roomId.equals(m.roomId())).toList();
    }

    /** Waits until {@code condition} holds, at most {@code timeout}. */
    public static void await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            pause(50);
        }
    }

    /** The value once it is non-empty, waiting at most {@code timeout}. */
    public static <T extends java.util.Collection<?>> T awaitNonEmpty(Duration timeout, Supplier<T> value) {
        await(timeout, () -> !value.get().isEmpty());
        return value.get();
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
