package io.guestgate.emulator.webhooks;

import java.time.Instant;
import java.util.Objects;

/** A registered webhook. {@code ownerId} is the person or bot whose token created it. */
public record Webhook(
        String id,
        String name,
        String targetUrl,
        String resource,
        String event,
        String filter,
        String secret,
        Status status,
        Instant created,
        String ownerId) {

    public enum Status {
        ACTIVE("active"),
        INACTIVE("inactive");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(targetUrl, "targetUrl");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(ownerId, "ownerId");
    }

    Webhook withStatus(Status newStatus) {
        return new Webhook(id, name, targetUrl, resource, event, filter, secret, newStatus, created, ownerId);
    }

    Webhook updated(String newName, String newTargetUrl, String newSecret, Status newStatus) {
        return new Webhook(id, newName, newTargetUrl, resource, event, filter, newSecret, newStatus, created, ownerId);
    }
}
