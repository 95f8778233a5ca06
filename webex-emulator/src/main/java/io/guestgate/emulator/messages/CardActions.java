package io.guestgate.emulator.messages;

import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.people.Directory;
import io.guestgate.emulator.people.WebexPerson;
import io.guestgate.emulator.support.ApiException;
import io.guestgate.emulator.support.Times;
import io.guestgate.emulator.webhooks.WebhookDispatcher;
import io.guestgate.emulator.webhooks.WebhookEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Card submissions (attachment actions): a person submits a card they can see; its author gets the webhook. */
@Component
public class CardActions {

    /** A submitted card. */
    public record CardAction(
            String id, String messageId, String roomId, String personId, Map<String, Object> inputs, Instant created) {
        public CardAction {
            Objects.requireNonNull(id, "id");
            inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
        }
    }

    private final Map<String, CardAction> byId = new ConcurrentHashMap<>();
    private final MessageStore messages;
    private final Visibility visibility;
    private final Directory directory;
    private final WebhookDispatcher webhooks;
    private final Clock clock;

    CardActions(
            MessageStore messages,
            Visibility visibility,
            Directory directory,
            WebhookDispatcher webhooks,
            Clock clock) {
        this.messages = messages;
        this.visibility = visibility;
        this.directory = directory;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    CardAction submit(String personId, String type, String messageId, Map<String, Object> inputs) {
        if (!"submit".equals(type)) {
            throw ApiException.badRequest("type must be submit.");
        }
        if (inputs == null) {
            throw ApiException.badRequest("inputs is required.");
        }
        Message card = messages.byId(messageId)
                .filter(m -> visibility.canSee(personId, m))
                .orElseThrow(() -> ApiException.notFound("Message not found."));
        if (card.attachments().isEmpty()) {
            throw ApiException.badRequest("The message has no card to submit.");
        }
        CardAction action = new CardAction(
                EmulatorSeed.WebexIds.random("ATTACHMENT_ACTION"),
                card.id(),
                card.roomId(),
                personId,
                inputs,
                clock.instant());
        byId.put(action.id(), action);
        webhooks.publish(event(action, card));
        return action;
    }

    /** Whoever can see the card's message may read its submissions. */
    Optional<CardAction> readableBy(String personId, String id) {
        return Optional.ofNullable(byId.get(id))
                .filter(a -> messages.byId(a.messageId())
                        .map(m -> visibility.canSee(personId, m))
                        .orElse(false));
    }

    public List<CardAction> all() {
        return List.copyOf(byId.values());
    }

    static Map<String, Object> view(CardAction a) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", a.id());
        body.put("personId", a.personId());
        body.put("roomId", a.roomId());
        body.put("type", "submit");
        body.put("messageId", a.messageId());
        body.put("inputs", a.inputs());
        body.put("created", Times.format(a.created()));
        return body;
    }

    private WebhookEvent event(CardAction a, Message card) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", a.id());
        data.put("type", "submit");
        data.put("messageId", a.messageId());
        data.put("personId", a.personId());
        data.put("roomId", a.roomId());
        data.put("created", Times.format(a.created()));
        String email = directory.byId(a.personId()).map(WebexPerson::email).orElse("");
        Map<String, List<String>> fields = new HashMap<>();
        fields.put("roomId", List.of(a.roomId()));
        fields.put("messageId", List.of(a.messageId()));
        fields.put("personId", List.of(a.personId()));
        fields.put("personEmail", List.of(email));
        return new WebhookEvent(
                "attachmentActions",
                "created",
                a.personId(),
                data,
                fields,
                owner -> owner.equals(card.personId()) || visibility.canSee(owner, card));
    }
}
