package io.guestgate.app.ops;

import io.guestgate.platform.webex.WebexProperties;
import io.guestgate.webex.WebexApiException;
import io.guestgate.webex.WebexClient;
import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Webex answers, and the bot's token is still good: {@code GET /people/me} as the bot. Bean name gives "webex". */
@Component("webex")
class WebexHealthIndicator extends AbstractReactiveHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebexClient webex;
    private final WebexProperties properties;

    WebexHealthIndicator(WebexClient webex, WebexProperties properties) {
        super("Webex API check failed");
        this.webex = webex;
        this.properties = properties;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return webex.people()
                .me(properties.bot())
                .timeout(TIMEOUT)
                .map(bot -> builder.up().withDetail("bot", bot.displayName()).build())
                .onErrorResume(
                        WebexApiException.class,
                        e -> Mono.just(builder.down()
                                .withDetail("status", e.status())
                                .withDetail("trackingId", String.valueOf(e.trackingId()))
                                .build()));
    }
}
