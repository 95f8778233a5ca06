package io.guestgate.emulator.messages;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** A space: direct (1:1, created on first contact) or group (created by a test). */
public record Room(String id, Type type, String title, Set<String> memberIds, Instant created) {

    public enum Type {
        DIRECT("direct"),
        GROUP("group");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public Room {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        memberIds = Set.copyOf(memberIds);
        Objects.requireNonNull(created, "created");
    }

    public boolean hasMember(String personId) {
        return memberIds.contains(personId);
    }
}
