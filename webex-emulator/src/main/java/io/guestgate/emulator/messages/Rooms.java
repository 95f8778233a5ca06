package io.guestgate.emulator.messages;

import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.support.ApiException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The spaces. A direct space exists once per pair of people and is made on their first message. */
@Component
public class Rooms {

    private final Map<String, Room> byId = new ConcurrentHashMap<>();
    private final Map<Set<String>, String> directByPair = new ConcurrentHashMap<>();
    private final Clock clock;

    Rooms(Clock clock) {
        this.clock = clock;
    }

    Room direct(String a, String b) {
        String id = directByPair.computeIfAbsent(Set.of(a, b), pair -> {
            Room room = new Room(EmulatorSeed.WebexIds.random("ROOM"), Room.Type.DIRECT, null, pair, clock.instant());
            byId.put(room.id(), room);
            return room.id();
        });
        return byId.get(id);
    }

    public Room createGroup(String title, Collection<String> memberIds) {
        if (title == null || title.isBlank()) {
            throw ApiException.badRequest("title is required.");
        }
        if (memberIds.size() < 2) {
            throw ApiException.badRequest("A group space needs at least two members.");
        }
        Room room = new Room(
                EmulatorSeed.WebexIds.random("ROOM"), Room.Type.GROUP, title, Set.copyOf(memberIds), clock.instant());
        byId.put(room.id(), room);
        return room;
    }

    public Optional<Room> byId(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    public List<Room> all() {
        return List.copyOf(byId.values());
    }
}
