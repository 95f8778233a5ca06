package io.guestgate.webex.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The body of {@code POST /webhooks}. {@link #toString()} hides the secret.
 *
 * @param resource e.g. {@code messages} or {@code attachmentActions}
 * @param event    e.g. {@code created}
 * @param secret   the HMAC key for {@code X-Spark-Signature}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateWebhookRequest(
        String name, String targetUrl, String resource, String event, String filter, String secret, String ownedBy) {

    public CreateWebhookRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(targetUrl, "targetUrl");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(event, "event");
    }

    public static CreateWebhookRequest of(String name, String targetUrl, String resource, String event, String secret) {
        return new CreateWebhookRequest(name, targetUrl, resource, event, null, secret, null);
    }

    @Override
    public String toString() {
        return "CreateWebhookRequest[name=" + name + ", targetUrl=" + targetUrl + ", resource=" + resource
                + ", event=" + event + ", filter=" + filter + ", secret=" + (secret == null ? null : "redacted")
                + ", ownedBy=" + ownedBy + "]";
    }
}
