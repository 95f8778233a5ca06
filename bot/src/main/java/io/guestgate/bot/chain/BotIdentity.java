package io.guestgate.bot.chain;

import io.guestgate.platform.webex.WebexProperties;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.oauth.AccessToken;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Who the bot is in Webex, from {@code GET /people/me} with the bot token: asked once at startup and kept. A failure
 * is not kept, so a Webex outage at startup heals with the next event instead of needing a restart.
 */
@Component
public class BotIdentity {

    private static final Logger log = LoggerFactory.getLogger(BotIdentity.class);

    private final Mono<Me> fetch;
    private final AtomicReference<Me> known = new AtomicReference<>();

    @Autowired
    BotIdentity(WebexClient webex, WebexProperties properties) {
        // Fails at startup, naming guestgate.webex.bot-token, when the token is not configured.
        this(ask(webex, properties.bot()));
    }

    BotIdentity(Mono<Me> ask) {
        this.fetch = ask.doOnNext(known::set);
    }

    /** A bot identity that is already known, for tests of the steps that use it. */
    static BotIdentity of(Me me) {
        return new BotIdentity(Mono.just(me));
    }

    private static Mono<Me> ask(WebexClient webex, AccessToken bot) {
        return webex.people()
                .me(bot)
                .map(person -> new Me(person.id(), person.displayName() == null ? "" : person.displayName()))
                .retryWhen(Retry.backoff(2, Duration.ofMillis(200))
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    /** The bot's person id and display name. */
    public Mono<Me> me() {
        return Mono.defer(() -> {
            Me me = known.get();
            return me != null ? Mono.just(me) : fetch;
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        me().subscribe(
                        found -> log.info("The bot is Webex person {} ({})", found.id(), found.displayName()),
                        error -> log.warn(
                                "Could not ask Webex who the bot is (GET /people/me with guestgate.webex.bot-token): "
                                        + "{}. Will ask again with the next event.",
                                error.toString()));
    }

    public record Me(String id, String displayName) {}
}
