package io.guestgate.sandbox;

import io.guestgate.emulator.config.EmulatorSeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The organizer's side of the chat, spoken to the emulator exactly as a Webex client would: {@code POST /v1/messages}
 * to the bot, {@code POST /v1/attachment/actions} for a card, {@code GET /v1/messages?roomId=} to read the space.
 * The organizer's token stays here, server-side; the browser never sees it.
 */
@Component
@Profile(SandboxRunListener.PROFILE)
class ConsoleChat {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {};
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The console shows the latest messages of the space. */
    static final int HISTORY = 100;

    private final WebClient emulator;
    private final EmulatorSeed.Person organizer;
    private final EmulatorSeed.Person bot;
    /** The organizer's 1:1 space with the bot, made by the emulator on the first message of either side. */
    private final AtomicReference<String> roomId = new AtomicReference<>();

    ConsoleChat(SandboxWorld world, ObjectProvider<WebClient.Builder> builders) {
        EmulatorSeed seed = world.webex().seed();
        this.organizer = seed.organizer();
        this.bot = seed.bot();
        // Boot's builder where the WebClient auto-configuration is present, a plain one otherwise.
        this.emulator = builders.getIfAvailable(WebClient::builder)
                .clone()
                .baseUrl(world.webex().emulator().baseUrl())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + organizer.accessToken())
                .build();
    }

    EmulatorSeed.Person organizer() {
        return organizer;
    }

    EmulatorSeed.Person bot() {
        return bot;
    }

    /** Posts the organizer's text to the bot, 1:1; the emulator then delivers the signed webhook to the app. */
    Mono<Map<String, Object>> send(String text) {
        Map<String, Object> body = Map.of("toPersonEmail", bot.email(), "text", text);
        return emulator.post()
                .uri("/v1/messages")
                .bodyValue(body)
                .retrieve()
                .bodyToMono(JSON_OBJECT)
                .timeout(TIMEOUT)
                .doOnNext(message -> {
                    if (message.get("roomId") instanceof String id) {
                        roomId.compareAndSet(null, id);
                    }
                });
    }

    /** Submits a card the bot sent, as the organizer pressing one of its buttons. */
    Mono<Map<String, Object>> submit(String messageId, Map<String, Object> inputs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "submit");
        body.put("messageId", messageId);
        body.put("inputs", inputs);
        return emulator.post()
                .uri("/v1/attachment/actions")
                .bodyValue(body)
                .retrieve()
                .bodyToMono(JSON_OBJECT)
                .timeout(TIMEOUT);
    }

    /** The space's latest messages, oldest first; empty until someone wrote. */
    Mono<List<Map<String, Object>>> messages() {
        return room().flatMap(id -> emulator.get()
                        .uri(uri -> uri.path("/v1/messages")
                                .queryParam("roomId", id)
                                .queryParam("max", HISTORY)
                                .build())
                        .retrieve()
                        .bodyToMono(JSON_OBJECT)
                        .timeout(TIMEOUT))
                .map(ConsoleChat::itemsOldestFirst)
                .defaultIfEmpty(List.of());
    }

    private Mono<String> room() {
        String known = roomId.get();
        if (known != null) {
            return Mono.just(known);
        }
        // The bot may have written first (a notification): find the direct space through the emulator's test route.
        return emulator.get()
                .uri("/_emulator/rooms")
                .retrieve()
                .bodyToMono(JSON_OBJECT)
                .timeout(TIMEOUT)
                .flatMap(rooms -> Mono.justOrEmpty(directRoom(rooms)))
                .doOnNext(id -> roomId.compareAndSet(null, id));
    }

    private String directRoom(Map<String, Object> rooms) {
        for (Object item : list(rooms.get("items"))) {
            if (item instanceof Map<?, ?> room
                    && "direct".equals(room.get("type"))
                    && room.get("memberIds") instanceof List<?> members
                    && members.contains(organizer.id())
                    && members.contains(bot.id())) {
                return Objects.toString(room.get("id"));
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> itemsOldestFirst(Map<String, Object> page) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object item : list(page.get("items"))) {
            if (item instanceof Map<?, ?> message) {
                items.add((Map<String, Object>) message);
            }
        }
        Collections.reverse(items);
        return items;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
