package io.guestgate.bot.chain;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The ordered chain a verified, first-seen event runs through: ignore the bot's own messages → check the sender →
 * fetch the message or card → strip the @mention → parse → dispatch → reply. (Verification and deduplication happen
 * before the webhook is answered; see {@code io.guestgate.bot.webhook}.)
 */
@Component
public class EventChain {

    private final Step<WebhookEvent, Answer> steps;
    private final SendReplies replies;

    EventChain(IgnoreSelf ignoreSelf, AllowedSender allowedSender, FetchContent fetch, StripMention stripMention,
            ParseCommand parse, Dispatch dispatch, SendReplies replies) {
        this.steps = ignoreSelf
                .then(allowedSender)
                .then(fetch)
                .then(stripMention)
                .then(parse)
                .then(dispatch);
        this.replies = replies;
    }

    /** Runs the event to its end; completes when every reply was sent (or the chain stopped early). */
    public Mono<Void> process(WebhookEvent event) {
        return Mono.defer(() -> steps.apply(event, replies::send));
    }
}
