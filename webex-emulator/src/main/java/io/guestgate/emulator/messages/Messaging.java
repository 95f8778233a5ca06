package io.guestgate.emulator.messages;

import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.people.Directory;
import io.guestgate.emulator.people.WebexPerson;
import io.guestgate.emulator.support.ApiException;
import io.guestgate.emulator.support.Times;
import io.guestgate.emulator.webhooks.WebhookDispatcher;
import io.guestgate.emulator.webhooks.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Posting a message: picks or creates the space, resolves mentions, stores, and fires webhooks. */
@Component
public class Messaging {

    static final int MAX_BYTES = 7439;
    static final int MAX_EDITS = 10;
    static final String CARD = "application/vnd.microsoft.card.adaptive";

    private final Rooms rooms;
    private final MessageStore store;
    private final Directory directory;
    private final Visibility visibility;
    private final WebhookDispatcher webhooks;
    private final Clock clock;

    Messaging(
            Rooms rooms,
            MessageStore store,
            Directory directory,
            Visibility visibility,
            WebhookDispatcher webhooks,
            Clock clock) {
        this.rooms = rooms;
        this.store = store;
        this.directory = directory;
        this.visibility = visibility;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    Message post(String senderId, PostMessage body) {
        if (body == null) {
            throw ApiException.badRequest("The request body is required.");
        }
        WebexPerson sender = directory.require(senderId);
        int targets = count(body.roomId()) + count(body.toPersonId()) + count(body.toPersonEmail());
        if (targets != 1) {
            throw ApiException.badRequest("Exactly one of roomId, toPersonId or toPersonEmail is required.");
        }
        boolean hasContent = body.text() != null
                || body.markdown() != null
                || (body.files() != null && !body.files().isEmpty())
                || (body.attachments() != null && !body.attachments().isEmpty());
        if (!hasContent) {
            throw ApiException.badRequest("A message needs text, markdown, files or attachments.");
        }
        checkLength(body.text());
        checkLength(body.markdown());
        checkAttachments(body.attachments());
        Room room = room(sender, body);
        if (body.parentId() != null
                && store.byId(body.parentId())
                        .filter(p -> p.roomId().equals(room.id()))
                        .isEmpty()) {
            throw ApiException.badRequest("parentId must name a message in the same space.");
        }
        String text = body.text();
        String html = null;
        List<String> mentioned = List.of();
        if (body.markdown() != null) {
            Mentions.Resolved resolved = Mentions.resolve(body.markdown(), directory);
            text = text != null ? text : resolved.text();
            html = resolved.html();
            mentioned = resolved.mentionedPeople();
        }
        Message message = new Message(
                EmulatorSeed.WebexIds.random("MESSAGE"),
                room.id(),
                room.type(),
                body.parentId(),
                sender.id(),
                sender.email(),
                text,
                body.markdown(),
                html,
                body.files(),
                body.attachments(),
                mentioned,
                body.toPersonId(),
                body.toPersonEmail(),
                clock.instant(),
                null,
                0);
        store.save(message);
        webhooks.publish(event(message));
        return message;
    }

    /**
     * "Edit a Message": the author's new text or markdown, at most {@link #MAX_EDITS} times. A message with a card or
     * files cannot be edited (400, as Webex answers).
     */
    Message edit(String editorId, String messageId, EditMessage body) {
        Message message = store.byId(messageId)
                .filter(m -> visibility.canSee(editorId, m))
                .orElseThrow(() -> ApiException.notFound("Message not found."));
        if (body == null || body.roomId() == null || body.roomId().isBlank()) {
            throw ApiException.badRequest("roomId is required.");
        }
        if (!body.roomId().equals(message.roomId())) {
            throw ApiException.badRequest("roomId must be the space of the message.");
        }
        if (!message.personId().equals(editorId)) {
            throw ApiException.forbidden("Only the author of a message can edit it.");
        }
        if (message.hasCardOrFiles()) {
            throw ApiException.badRequest("Editing a message with files or attachments is not currently supported.");
        }
        if (message.edits() >= MAX_EDITS) {
            throw ApiException.badRequest("The edit limit of " + MAX_EDITS + " has been reached for this message.");
        }
        if (count(body.text()) + count(body.markdown()) == 0) {
            throw ApiException.badRequest("An edited message needs text or markdown.");
        }
        checkLength(body.text());
        checkLength(body.markdown());
        String text = body.text();
        String html = null;
        List<String> mentioned = List.of();
        if (body.markdown() != null) {
            Mentions.Resolved resolved = Mentions.resolve(body.markdown(), directory);
            text = text != null ? text : resolved.text();
            html = resolved.html();
            mentioned = resolved.mentionedPeople();
        }
        Message edited = new Message(
                message.id(),
                message.roomId(),
                message.roomType(),
                message.parentId(),
                message.personId(),
                message.personEmail(),
                text,
                body.markdown(),
                html,
                message.files(),
                message.attachments(),
                mentioned,
                message.toPersonId(),
                message.toPersonEmail(),
                message.created(),
                clock.instant(),
                message.edits() + 1);
        store.replace(edited);
        return edited;
    }

    private Room room(WebexPerson sender, PostMessage body) {
        if (body.roomId() != null) {
            Room room = rooms.byId(body.roomId()).orElseThrow(() -> ApiException.notFound("Space not found."));
            if (!room.hasMember(sender.id())) {
                throw ApiException.notFound("Space not found.");
            }
            return room;
        }
        WebexPerson to = body.toPersonId() != null
                ? directory.byId(body.toPersonId()).orElseThrow(() -> ApiException.notFound("Person not found."))
                : directory.byEmail(body.toPersonEmail()).orElseThrow(() -> ApiException.notFound("Person not found."));
        if (to.id().equals(sender.id())) {
            throw ApiException.badRequest("You cannot send a 1:1 message to yourself.");
        }
        return rooms.direct(sender.id(), to.id());
    }

    private WebhookEvent event(Message m) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", m.id());
        data.put("roomId", m.roomId());
        data.put("roomType", m.roomType().wire());
        data.put("personId", m.personId());
        data.put("personEmail", m.personEmail());
        if (!m.mentionedPeople().isEmpty()) {
            data.put("mentionedPeople", m.mentionedPeople());
        }
        if (!m.files().isEmpty()) {
            data.put("files", m.files());
        }
        data.put("created", Times.format(m.created()));
        Map<String, List<String>> fields = new HashMap<>();
        fields.put("roomId", List.of(m.roomId()));
        fields.put("roomType", List.of(m.roomType().wire()));
        fields.put("personId", List.of(m.personId()));
        fields.put("personEmail", List.of(m.personEmail()));
        fields.put("mentionedPeople", m.mentionedPeople());
        fields.put("hasFiles", List.of(String.valueOf(!m.files().isEmpty())));
        return new WebhookEvent(
                "messages", "created", m.personId(), data, fields, owner -> visibility.canSee(owner, m));
    }

    private static int count(String s) {
        return s == null || s.isBlank() ? 0 : 1;
    }

    private static void checkLength(String s) {
        if (s != null && s.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiException.badRequest("The message is longer than " + MAX_BYTES + " bytes.");
        }
    }

    private static void checkAttachments(List<Map<String, Object>> attachments) {
        if (attachments == null || attachments.isEmpty()) {
            return;
        }
        if (attachments.size() > 1) {
            throw ApiException.badRequest("Only one card per message is supported.");
        }
        Map<String, Object> card = attachments.get(0);
        if (card == null || !CARD.equals(card.get("contentType")) || !(card.get("content") instanceof Map)) {
            throw ApiException.badRequest("An attachment needs contentType " + CARD + " and a content object.");
        }
    }
}
