package io.guestgate.platform.redis;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Work an instance does on a timer while the application runs: one round at a time (a round still running when the
 * next tick comes makes that tick drop), stopped with the application. A round's errors are the round's to handle.
 */
public abstract class PeriodicWork implements SmartLifecycle {

    private volatile Disposable running;

    /** Whether this instance does the work at all, e.g. false when its setting turns it off. */
    protected abstract boolean enabled();

    protected abstract Duration firstRoundAfter();

    protected abstract Duration period();

    /** One round; it must not fail (a failure would end the timer). */
    protected abstract Mono<Void> round();

    @Override
    public void start() {
        if (!enabled() || running != null) {
            return;
        }
        running = Flux.interval(firstRoundAfter(), period(), Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> round(), 1)
                .subscribe();
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
