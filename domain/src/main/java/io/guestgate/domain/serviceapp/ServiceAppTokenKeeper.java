package io.guestgate.domain.serviceapp;

import io.guestgate.platform.redis.PeriodicWork;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Refreshes the Service App's token ahead of its expiry even while no guest comes: every
 * {@code guestgate.service-app.check-interval}, on every instance (the refresh lock lets one of them do it). The
 * first look, at start, takes a newly configured pair in and refreshes it. A problem is logged when it appears or
 * changes, not at every look.
 */
@Component
class ServiceAppTokenKeeper extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(ServiceAppTokenKeeper.class);

    private final ServiceAppAccessTokens tokens;
    private final ServiceAppProperties properties;
    private volatile String lastProblem;

    ServiceAppTokenKeeper(ServiceAppAccessTokens tokens, ServiceAppProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    @Override
    protected boolean enabled() {
        return tokens.refreshed();
    }

    @Override
    protected Duration firstRoundAfter() {
        return Duration.ZERO;
    }

    @Override
    protected Duration period() {
        return properties.checkInterval();
    }

    @Override
    protected Mono<Void> round() {
        return look();
    }

    private Mono<Void> look() {
        return tokens.refreshIfDue()
                .doOnNext(token -> {
                    if (lastProblem != null) {
                        log.info("The Service App token works again; it expires at {}", token.expiresAt());
                    }
                    lastProblem = null;
                })
                .then()
                .onErrorResume(e -> {
                    String problem = e.getMessage();
                    if (!Objects.equals(problem, lastProblem)) {
                        log.warn("The Service App token needs attention: {}", problem);
                    }
                    lastProblem = problem;
                    return Mono.empty();
                });
    }
}
