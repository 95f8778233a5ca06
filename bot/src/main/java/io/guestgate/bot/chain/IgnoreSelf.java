package io.guestgate.bot.chain;

import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Drops events the bot caused itself: its own replies arrive as {@code messages:created} like anyone's. */
@Component
class IgnoreSelf implements Step<WebhookEvent, WebhookEvent> {

    private final BotIdentity identity;

    IgnoreSelf(BotIdentity identity) {
        this.identity = identity;
    }

    @Override
    public Mono<Void> apply(WebhookEvent event, Function<WebhookEvent, Mono<Void>> next) {
        return identity.me().flatMap(me -> me.id().equals(event.personId()) ? Mono.empty() : next.apply(event));
    }
}
