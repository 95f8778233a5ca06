package io.guestgate.webex;

import io.guestgate.webex.messages.CreateMessageRequest;
import io.guestgate.webex.messages.Message;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Objects;

/** {@code /messages}: create and get. */
public final class MessagesApi {

    private final WebexHttp http;

    MessagesApi(WebexHttp http) {
        this.http = http;
    }

    /** {@code POST /messages}. */
    public Mono<Message> create(AccessToken token, CreateMessageRequest request) {
        Objects.requireNonNull(request, "request");
        return http.sendJson(HttpMethod.POST, token, http.uri("/messages", Map.of()), request, Message.class);
    }

    /** {@code GET /messages/{messageId}}: webhooks carry only the id, never the text. */
    public Mono<Message> get(AccessToken token, String messageId) {
        return http.get(token, http.uri("/messages/{p0}", Map.of(), messageId), Message.class);
    }
}
