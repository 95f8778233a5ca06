package io.guestgate.emulator.people;

import java.time.Instant;
import java.util.Objects;

/** Anyone the emulator knows: a seeded user, the bot, a Service App's machine account or a guest. */
public record WebexPerson(String id, String email, String displayName, Type type, String orgId, Instant created) {

    public enum Type {
        PERSON("person"),
        BOT("bot"),
        APPUSER("appuser");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public WebexPerson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(created, "created");
    }

    public WebexPerson withDisplayName(String name) {
        return new WebexPerson(id, email, name, type, orgId, created);
    }
}
