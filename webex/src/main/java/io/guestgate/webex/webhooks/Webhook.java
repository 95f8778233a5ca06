package io.guestgate.webex.webhooks;

import java.time.OffsetDateTime;

/**
 * A webhook registration as {@code /webhooks} returns it. {@link #toString()} hides the secret.
 *
 * @param status {@code active} or {@code inactive}
 */
public record Webhook(
        String id,
        String name,
        String targetUrl,
        String resource,
        String event,
        String filter,
        String secret,
        String status,
        OffsetDateTime created,
        String ownedBy) {

    public boolean active() {
        return "active".equals(status);
    }

    @Override
    public String toString() {
        return "Webhook[id=" + id + ", name=" + name + ", targetUrl=" + targetUrl + ", resource=" + resource
                + ", event=" + event + ", filter=" + filter + ", secret=" + (secret == null ? null : "redacted")
                + ", status=" + status + ", created=" + created + ", ownedBy=" + ownedBy + "]";
    }
}
