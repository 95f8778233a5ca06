package io.guestgate.emulator.messages;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Messages by id, with their posting order (several may share a millisecond). */
@Component
public class MessageStore {

    private final Map<String, Stored> byId = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    private record Stored(Message message, long seq) {}

    void save(Message message) {
        byId.put(message.id(), new Stored(message, sequence.incrementAndGet()));
    }

    /** An edit: the message keeps its place in the order it was posted. */
    void replace(Message message) {
        byId.computeIfPresent(message.id(), (id, stored) -> new Stored(message, stored.seq()));
    }

    public Optional<Message> byId(String id) {
        return Optional.ofNullable(id).map(byId::get).map(Stored::message);
    }

    /** Oldest first. */
    public List<Message> all() {
        return byId.values().stream()
                .sorted(Comparator.comparingLong(Stored::seq))
                .map(Stored::message)
                .toList();
    }

    /** Newest first, as Webex lists a room. */
    List<Message> inRoomNewestFirst(String roomId) {
        return byId.values().stream()
                .filter(s -> s.message().roomId().equals(roomId))
                .sorted(Comparator.comparingLong(Stored::seq).reversed())
                .map(Stored::message)
                .toList();
    }
}
