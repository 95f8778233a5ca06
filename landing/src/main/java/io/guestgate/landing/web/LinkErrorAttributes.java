package io.guestgate.landing.web;

import io.guestgate.domain.invitation.LinkTokens;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webflux.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Boot's error attributes, plus {@code startAgain}: on an error under a personal link ({@code /join/<token>/…}), the
 * link page, from where a fresh attempt can start. The error pages ({@code error/4xx}, {@code error/5xx}) offer it.
 */
@Component("landingErrorAttributes")
class LinkErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(ServerRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        String[] path = request.path().split("/");
        if (path.length > 2 && path[1].equals("join") && LinkTokens.isWellFormed(path[2])) {
            attributes.put("startAgain", "/join/" + path[2]);
        }
        return attributes;
    }
}
