package io.guestgate.sandbox;

import io.guestgate.emulator.config.EmulatorSeed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The console's JSON API: read the organizer's space with the bot, write to the bot, submit a card. Problems are
 * answered as {@code {"error": "<code>"}}; the page turns the code into German or English text.
 */
@Component
@Profile(SandboxRunListener.PROFILE)
class ConsoleHandler {

    /** Webex's limit for a message's text. */
    static final int MAX_TEXT_BYTES = 7439;

    private static final int MAX_INPUTS = 50;
    private static final int MAX_INPUT_CHARS = 2000;
    private static final Pattern WEBEX_ID = Pattern.compile("[A-Za-z0-9_=-]{1,200}");

    private final ConsoleChat chat;

    ConsoleHandler(ConsoleChat chat) {
        this.chat = chat;
    }

    Mono<ServerResponse> state(ServerRequest request) {
        return chat.messages()
                .map(messages -> new ConsoleState(
                        participant(chat.organizer()),
                        participant(chat.bot()),
                        messages.stream()
                                .map(m -> ConsoleMessage.of(m, chat.bot().id()))
                                .toList()))
                .flatMap(state -> ServerResponse.ok().bodyValue(state))
                .onErrorResume(WebClientException.class, ConsoleHandler::emulatorFailed);
    }

    Mono<ServerResponse> send(ServerRequest request) {
        return request.bodyToMono(SendRequest.class)
                .flatMap(body -> {
                    String text = body.text() == null ? "" : body.text().strip();
                    if (text.isEmpty()) {
                        return problem(HttpStatus.BAD_REQUEST, "empty-text");
                    }
                    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
                        return problem(HttpStatus.BAD_REQUEST, "text-too-long");
                    }
                    return chat.send(text).flatMap(sent -> ServerResponse.ok().bodyValue(Map.of("id", sent.get("id"))));
                })
                .switchIfEmpty(problem(HttpStatus.BAD_REQUEST, "empty-text"))
                .onErrorResume(WebClientException.class, ConsoleHandler::emulatorFailed);
    }

    Mono<ServerResponse> submit(ServerRequest request) {
        return request.bodyToMono(SubmitRequest.class)
                .flatMap(body -> {
                    if (body.messageId() == null
                            || !WEBEX_ID.matcher(body.messageId()).matches()) {
                        return problem(HttpStatus.BAD_REQUEST, "no-card");
                    }
                    Map<String, Object> inputs = body.inputs() == null ? Map.of() : body.inputs();
                    if (inputs.size() > MAX_INPUTS || !inputs.values().stream().allMatch(ConsoleHandler::plainValue)) {
                        return problem(HttpStatus.BAD_REQUEST, "bad-inputs");
                    }
                    return chat.submit(body.messageId(), inputs)
                            .flatMap(action -> ServerResponse.ok().bodyValue(Map.of("id", action.get("id"))));
                })
                .switchIfEmpty(problem(HttpStatus.BAD_REQUEST, "no-card"))
                .onErrorResume(WebClientException.class, ConsoleHandler::emulatorFailed);
    }

    /** Input values are text, numbers or booleans; an Action.Submit's data may add objects and lists. */
    private static boolean plainValue(Object value) {
        return value instanceof Number
                || value instanceof Boolean
                || value instanceof Map
                || value instanceof List
                || (value instanceof String text && text.length() <= MAX_INPUT_CHARS);
    }

    private static Mono<ServerResponse> emulatorFailed(Throwable failure) {
        int status = failure instanceof WebClientResponseException response
                ? response.getStatusCode().value()
                : 0;
        return ServerResponse.status(HttpStatus.BAD_GATEWAY).bodyValue(Map.of("error", "emulator", "status", status));
    }

    private static Mono<ServerResponse> problem(HttpStatus status, String code) {
        return ServerResponse.status(status).bodyValue(Map.of("error", code));
    }

    private static Participant participant(EmulatorSeed.Person person) {
        return new Participant(person.displayName(), person.email());
    }

    record SendRequest(String text) {}

    record SubmitRequest(String messageId, Map<String, Object> inputs) {}

    record Participant(String name, String email) {}

    record ConsoleState(Participant organizer, Participant bot, List<ConsoleMessage> messages) {}

    /**
     * A message as the page renders it. Text and markdown are shown as text (the page escapes them); a card is passed
     * on as its Adaptive Card JSON, which the page renders element by element.
     */
    record ConsoleMessage(
            String id, boolean fromBot, String author, String text, String markdown, String created, Object card) {

        static final String CARD = "application/vnd.microsoft.card.adaptive";

        static ConsoleMessage of(Map<String, Object> m, String botId) {
            Object card = null;
            if (m.get("attachments") instanceof List<?> attachments) {
                card = attachments.stream()
                        .filter(a -> a instanceof Map<?, ?> attachment && CARD.equals(attachment.get("contentType")))
                        .map(a -> ((Map<?, ?>) a).get("content"))
                        .findFirst()
                        .orElse(null);
            }
            return new ConsoleMessage(
                    string(m.get("id")),
                    botId.equals(m.get("personId")),
                    string(m.get("personEmail")),
                    string(m.get("text")),
                    string(m.get("markdown")),
                    string(m.get("created")),
                    card);
        }

        private static String string(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
