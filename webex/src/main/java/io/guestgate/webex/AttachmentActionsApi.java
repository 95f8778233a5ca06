package io.guestgate.webex;

import io.guestgate.webex.messages.AttachmentAction;
import io.guestgate.webex.oauth.AccessToken;
import java.util.Map;
import reactor.core.publisher.Mono;

/** {@code /attachment/actions}: reading a card submission named in a webhook. */
public final class AttachmentActionsApi {

    private final WebexHttp http;

    AttachmentActionsApi(WebexHttp http) {
        this.http = http;
    }

    /** {@code GET /attachment/actions/{id}}. */
    public Mono<AttachmentAction> get(AccessToken token, String actionId) {
        return http.get(token, http.uri("/attachment/actions/{p0}", Map.of(), actionId), AttachmentAction.class);
    }
}
