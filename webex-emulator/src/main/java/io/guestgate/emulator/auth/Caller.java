package io.guestgate.emulator.auth;

import io.guestgate.emulator.support.ApiException;
import java.util.Objects;

/** Who is calling, resolved from the bearer token. Controllers take it as a method argument. */
public record Caller(String personId, Kind kind) {

    public enum Kind {
        PERSON,
        BOT,
        GUEST,
        SERVICE_APP
    }

    public Caller {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean isBot() {
        return kind == Kind.BOT;
    }

    /** Meetings are scheduled by licensed users only. */
    public Caller requirePerson() {
        if (kind != Kind.PERSON) {
            throw ApiException.forbidden("This operation requires a Webex user with a meetings license.");
        }
        return this;
    }

    /** Messages and webhooks are for users and bots. */
    public Caller requirePersonOrBot() {
        if (kind != Kind.PERSON && kind != Kind.BOT) {
            throw ApiException.forbidden("This operation is not allowed for this kind of token.");
        }
        return this;
    }
}
