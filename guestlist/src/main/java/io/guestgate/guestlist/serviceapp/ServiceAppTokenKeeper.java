package io.guestgate.guestlist.serviceapp;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Refreshes the Service App's token ahead of its expiry even while no guest comes: every
 * {@code guestgate.service-app.check-interval}, on every instance (the refresh lock lets one of them do it). The
 * first look, at start, takes a newly configured pair in and refreshes it. A problem is logged when it appears or
 * changes, not at every look.
 */
@Component
class ServiceAppTokenKeeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ServiceAppTokenKeeper.class);

    private final ServiceAppAccessTokens tokens;
    private final ServiceAppProperties properties;
    private volatile Disposable running;
    private volatile String lastProblem;

    ServiceAppTokenKeeper(ServiceAppAccessTokens tokens, ServiceAppProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!tokens.refreshed() || running != null) {
            return;
        }
        running = Flux.interval(java.time.Duration.ZERO, properties.checkInterval(), Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> look(), 1)
                .subscribe();
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

    @Override
    public void stop() {
        Disposable current = running;
        running = null;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
