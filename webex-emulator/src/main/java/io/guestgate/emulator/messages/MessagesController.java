package io.guestgate.emulator.messages;

import io.guestgate.emulator.auth.Caller;
import io.guestgate.emulator.support.ApiException;
import io.guestgate.emulator.support.Paging;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Post, get, edit and list messages, with the visibility rules of Webex spaces. */
@RestController
class MessagesController {

    private final Messaging messaging;
    private final MessageStore store;
    private final Rooms rooms;
    private final Visibility visibility;

    MessagesController(Messaging messaging, MessageStore store, Rooms rooms, Visibility visibility) {
        this.messaging = messaging;
        this.store = store;
        this.rooms = rooms;
        this.visibility = visibility;
    }

    @PostMapping("/v1/messages")
    Map<String, Object> post(Caller caller, @RequestBody(required = false) PostMessage body) {
        return MessageView.of(messaging.post(caller.requirePersonOrBot().personId(), body), true);
    }

    @PutMapping("/v1/messages/{messageId}")
    Map<String, Object> edit(
            Caller caller, @PathVariable String messageId, @RequestBody(required = false) EditMessage body) {
        return MessageView.of(messaging.edit(caller.requirePersonOrBot().personId(), messageId, body), false);
    }

    @GetMapping("/v1/messages/{messageId}")
    Map<String, Object> get(Caller caller, @PathVariable String messageId) {
        Message message = store.byId(messageId)
                .filter(m -> visibility.canSee(caller.personId(), m))
                .orElseThrow(() -> ApiException.notFound("Message not found."));
        return MessageView.of(message, false);
    }

    /** A space's messages, newest first; {@code mentionedPeople}, {@code before}, {@code beforeMessage} narrow it. */
    @GetMapping("/v1/messages")
    ResponseEntity<Map<String, Object>> list(Caller caller, ServerHttpRequest request) {
        MultiValueMap<String, String> q = request.getQueryParams();
        String roomId = q.getFirst("roomId");
        if (roomId == null) {
            throw ApiException.badRequest("roomId is required.");
        }
        rooms.byId(roomId)
                .filter(r -> r.hasMember(caller.personId()))
                .orElseThrow(() -> ApiException.notFound("Space not found."));
        Predicate<Message> filter = m -> visibility.canSee(caller.personId(), m);
        String mentioned = q.getFirst("mentionedPeople");
        if (mentioned != null) {
            String who = "me".equals(mentioned) ? caller.personId() : mentioned;
            filter = filter.and(m -> m.mentions(who));
        }
        String parentId = q.getFirst("parentId");
        if (parentId != null) {
            filter = filter.and(m -> parentId.equals(m.parentId()));
        }
        String before = q.getFirst("before");
        if (before != null) {
            Instant cut = instant(before);
            filter = filter.and(m -> m.created().isBefore(cut));
        }
        List<Message> all = store.inRoomNewestFirst(roomId);
        String beforeMessage = q.getFirst("beforeMessage");
        if (beforeMessage != null) {
            int index = all.stream().map(Message::id).toList().indexOf(beforeMessage);
            if (index < 0) {
                throw ApiException.badRequest("beforeMessage is not a message of this space.");
            }
            all = all.subList(index + 1, all.size());
        }
        List<Map<String, Object>> items =
                all.stream().filter(filter).map(m -> MessageView.of(m, false)).toList();
        Paging.Page<Map<String, Object>> page = Paging.page(items, request, 50, 1000);
        return ResponseEntity.ok().headers(page.headers()).body(Map.of("items", page.items()));
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("before must be an ISO 8601 date-time.");
        }
    }
}
