package io.guestgate.webex;

import io.guestgate.webex.messages.CreateMessageRequest;
import io.guestgate.webex.messages.EditMessageRequest;
import io.guestgate.webex.messages.Message;
import io.guestgate.webex.oauth.AccessToken;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

/** {@code /messages}: create, get and edit. */
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

    /**
     * {@code PUT /messages/{messageId}}: new text or markdown for a message the token's owner posted. Not for a message
     * with a card: Webex answers 400, as it does after 10 edits.
     */
    public Mono<Message> edit(AccessToken token, String messageId, EditMessageRequest request) {
        Objects.requireNonNull(request, "request");
        return http.sendJson(
                HttpMethod.PUT, token, http.uri("/messages/{p0}", Map.of(), messageId), request, Message.class);
    }

    /** {@code GET /messages/{messageId}}: webhooks carry only the id, never the text. */
    public Mono<Message> get(AccessToken token, String messageId) {
        return http.get(token, http.uri("/messages/{p0}", Map.of(), messageId), Message.class);
    }
}
