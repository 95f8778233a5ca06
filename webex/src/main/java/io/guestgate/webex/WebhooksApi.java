package io.guestgate.webex;

import io.guestgate.webex.oauth.AccessToken;
import io.guestgate.webex.webhooks.CreateWebhookRequest;
import io.guestgate.webex.webhooks.UpdateWebhookRequest;
import io.guestgate.webex.webhooks.Webhook;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code /webhooks}: list (all pages), create, update, delete. */
public final class WebhooksApi {

    private final WebexHttp http;

    WebhooksApi(WebexHttp http) {
        this.http = http;
    }

    /** {@code GET /webhooks}: the token owner's webhooks, following every page. */
    public Flux<Webhook> list(AccessToken token) {
        return http.list(token, http.uri("/webhooks", Map.of()), Webhook.class);
    }

    /** {@code POST /webhooks}. */
    public Mono<Webhook> create(AccessToken token, CreateWebhookRequest request) {
        Objects.requireNonNull(request, "request");
        return http.sendJson(HttpMethod.POST, token, http.uri("/webhooks", Map.of()), request, Webhook.class);
    }

    /** {@code PUT /webhooks/{webhookId}}. */
    public Mono<Webhook> update(AccessToken token, String webhookId, UpdateWebhookRequest request) {
        Objects.requireNonNull(request, "request");
        return http.sendJson(
                HttpMethod.PUT, token, http.uri("/webhooks/{p0}", Map.of(), webhookId), request, Webhook.class);
    }

    /** {@code DELETE /webhooks/{webhookId}}. */
    public Mono<Void> delete(AccessToken token, String webhookId) {
        return http.sendExpectingNoContent(
                HttpMethod.DELETE, token, http.uri("/webhooks/{p0}", Map.of(), webhookId), null);
    }
}
