package io.guestgate.webex.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The body of {@code PUT /webhooks/{id}}: name and target are required by Webex; {@code status=active}
 * reactivates a webhook that Webex turned off. {@link #toString()} hides the secret.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateWebhookRequest(String name, String targetUrl, String secret, String ownedBy, String status) {

    public UpdateWebhookRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(targetUrl, "targetUrl");
        if (status != null && !"active".equals(status)) {
            throw new IllegalArgumentException("Webex only accepts status=active on update, was " + status);
        }
    }

    /** Sets name, target and secret, and reactivates the webhook. */
    public static UpdateWebhookRequest activate(String name, String targetUrl, String secret) {
        return new UpdateWebhookRequest(name, targetUrl, secret, null, "active");
    }

    @Override
    public String toString() {
        return "UpdateWebhookRequest[name=" + name + ", targetUrl=" + targetUrl + ", secret="
                + (secret == null ? null : "redacted") + ", ownedBy=" + ownedBy + ", status=" + status + "]";
    }
}
