package io.guestgate.emulator.messages;

import io.guestgate.emulator.people.Directory;
import io.guestgate.emulator.people.WebexPerson;
import io.guestgate.emulator.support.ApiException;
import io.guestgate.emulator.support.Times;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Test routes: make a group space, and inspect spaces and all messages. */
@RestController
class RoomsTestRoutes {

    private final Rooms rooms;
    private final MessageStore messages;
    private final Directory directory;

    RoomsTestRoutes(Rooms rooms, MessageStore messages, Directory directory) {
        this.rooms = rooms;
        this.messages = messages;
        this.directory = directory;
    }

    /** Body {@code {"title": "…", "members": ["<personId or email>", …]}}. */
    @PostMapping("/_emulator/rooms")
    ResponseEntity<Map<String, Object>> createGroup(@RequestBody CreateGroup body) {
        if (body == null || body.members() == null) {
            throw ApiException.badRequest("title and members are required.");
        }
        List<String> ids = new ArrayList<>();
        for (String member : body.members()) {
            WebexPerson p = directory
                    .byId(member)
                    .or(() -> directory.byEmail(member))
                    .orElseThrow(() -> ApiException.badRequest("Unknown member: " + member));
            ids.add(p.id());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(view(rooms.createGroup(body.title(), ids)));
    }

    @GetMapping("/_emulator/rooms")
    Map<String, Object> list() {
        return Map.of("items", rooms.all().stream().map(RoomsTestRoutes::view).toList());
    }

    @GetMapping("/_emulator/messages")
    Map<String, Object> messages() {
        return Map.of(
                "items",
                messages.all().stream().map(m -> MessageView.of(m, true)).toList());
    }

    record CreateGroup(String title, List<String> members) {}

    private static Map<String, Object> view(Room r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", r.id());
        body.put("type", r.type().wire());
        if (r.title() != null) {
            body.put("title", r.title());
        }
        body.put("memberIds", r.memberIds());
        body.put("created", Times.format(r.created()));
        return body;
    }
}
