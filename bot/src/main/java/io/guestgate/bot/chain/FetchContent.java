package io.guestgate.bot.chain;

import io.guestgate.bot.BotProperties;
import io.guestgate.bot.chain.Incoming.CardAction;
import io.guestgate.bot.chain.Incoming.ChatMessage;
import io.guestgate.bot.command.CardSubmission;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.i18n.Language;
import io.guestgate.platform.webex.WebexProperties;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.messages.AttachmentAction;
import io.guestgate.webex.messages.Message;
import io.guestgate.webex.oauth.AccessToken;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads what the webhook only names: {@code GET /messages/{id}}, or {@code GET /attachment/actions/{id}} plus the
 * card's own message (for its space type and thread, and to make sure the bot sent that card). Who wrote what, and
 * where, is taken from Webex's answer, never from the webhook body alone.
 */
@Component
class FetchContent implements Step<WebhookEvent, Incoming> {

    private static final Logger log = LoggerFactory.getLogger(FetchContent.class);

    private final WebexClient webex;
    private final AccessToken bot;
    private final BotIdentity identity;
    private final Language fallback;
    private final Answers answers;
    private final ReplySender sender;

    FetchContent(
            WebexClient webex,
            WebexProperties webexProperties,
            BotIdentity identity,
            BotProperties properties,
            Answers answers,
            ReplySender sender) {
        this.webex = webex;
        this.bot = webexProperties.bot();
        this.identity = identity;
        this.fallback = properties.defaultLanguage();
        this.answers = answers;
        this.sender = sender;
    }

    @Override
    public Mono<Void> apply(WebhookEvent event, Function<Incoming, Mono<Void>> next) {
        Mono<? extends Incoming> incoming = switch (event.kind()) {
            case MESSAGE -> webex.messages().get(bot, event.dataId()).map(FetchContent::chatMessage);
            case CARD_ACTION ->
                webex.attachmentActions().get(bot, event.dataId()).flatMap(action -> cardAction(action, event));
            // The chain never sees these: EventChain hands them to the door and to MeetingSync.
            case PARTICIPANT, MEETING -> Mono.<Incoming>empty();
        };
        return incoming.onErrorResume(error -> unreadable(event, error).then(Mono.empty()))
                .flatMap(next);
    }

    /**
     * Webex would not hand over what the webhook named, even after the client's retries. The sender is told so in
     * the space the (signed) webhook named, with Webex's tracking id, rather than hearing nothing.
     */
    private Mono<Void> unreadable(WebhookEvent event, Throwable error) {
        Conversation conversation =
                new Conversation(event.personId(), event.personEmail(), event.roomId(), false, Optional.empty());
        return sender.send(conversation, answers.failure(error, fallback, conversation))
                .doOnError(e -> log.warn(
                        "Could not tell person {} that event {} was unreadable: {}",
                        event.personId(),
                        event.dataId(),
                        e.toString()))
                .onErrorComplete()
                .then();
    }

    private static ChatMessage chatMessage(Message message) {
        Conversation conversation = new Conversation(
                message.personId(),
                message.personEmail(),
                message.roomId(),
                "group".equals(message.roomType()),
                Optional.ofNullable(message.parentId()));
        return new ChatMessage(conversation, message.id(), message.text(), message.mentionedPeople());
    }

    private Mono<CardAction> cardAction(AttachmentAction action, WebhookEvent event) {
        if (action.messageId() == null || action.personId() == null || action.roomId() == null) {
            log.info("Ignored card action {}: Webex named no card message, person or space", action.id());
            return Mono.empty();
        }
        return Mono.zip(webex.messages().get(bot, action.messageId()), identity.me())
                .flatMap(found -> {
                    Message card = found.getT1();
                    if (!found.getT2().id().equals(card.personId())) {
                        // Anyone can post a card through the API; only the bot's own cards carry inputs the bot wrote.
                        log.info("Ignored card action {}: the card {} was not sent by the bot", action.id(), card.id());
                        return Mono.empty();
                    }
                    Map<String, String> inputs = new LinkedHashMap<>();
                    action.inputs().forEach((name, value) -> inputs.put(name, value == null ? "" : value.toString()));
                    Language language = Language.fromTag(inputs.get(CardSubmission.LANGUAGE_INPUT))
                            .orElse(fallback);
                    String name = inputs.getOrDefault(CardSubmission.ACTION_INPUT, "");
                    Conversation conversation = new Conversation(
                            action.personId(),
                            event.personEmail(),
                            action.roomId(),
                            "group".equals(card.roomType()),
                            Optional.ofNullable(card.parentId()));
                    return Mono.just(new CardAction(
                            conversation, new CardSubmission(name, language, inputs, card.id()), event.dataId()));
                });
    }
}
