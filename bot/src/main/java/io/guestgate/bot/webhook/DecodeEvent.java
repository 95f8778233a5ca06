package io.guestgate.bot.webhook;

import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.guestgate.bot.chain.WebhookEvent;
import io.guestgate.bot.chain.WebhookEvent.Kind;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the verified bytes into a typed event. Events the bot does not handle (other resources, updates, deletions)
 * are acknowledged and dropped; a body that is not a webhook envelope gets 400.
 */
@Component
class DecodeEvent implements IntakeStep<RawWebhook, WebhookEvent> {

    private static final Logger log = LoggerFactory.getLogger(DecodeEvent.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<HttpStatus> apply(RawWebhook webhook, Function<WebhookEvent, Mono<HttpStatus>> next) {
        Map<?, ?> envelope;
        try {
            envelope = JSON.readValue(webhook.body(), Map.class);
        }
        catch (JacksonException notJson) {
            log.info("Refused a signed webhook delivery that is not JSON");
            return Mono.just(HttpStatus.BAD_REQUEST);
        }
        if (envelope == null || !(envelope.get("data") instanceof Map<?, ?> data)) {
            return Mono.just(HttpStatus.BAD_REQUEST);
        }
        if (!"created".equals(envelope.get("event"))) {
            return Mono.just(HttpStatus.OK);
        }
        Kind kind;
        if ("messages".equals(envelope.get("resource"))) {
            kind = Kind.MESSAGE;
        }
        else if ("attachmentActions".equals(envelope.get("resource"))) {
            kind = Kind.CARD_ACTION;
        }
        else {
            return Mono.just(HttpStatus.OK);
        }
        WebhookEvent event;
        try {
            event = new WebhookEvent(kind, text(data, "id"), text(data, "roomId"), text(data, "personId"),
                    text(data, "personEmail"));
        }
        catch (IllegalArgumentException malformed) {
            log.info("Refused a signed webhook delivery: {}", malformed.getMessage());
            return Mono.just(HttpStatus.BAD_REQUEST);
        }
        return next.apply(event);
    }

    private static String text(Map<?, ?> data, String field) {
        Object value = data.get(field);
        return value instanceof String string ? string : null;
    }
}
