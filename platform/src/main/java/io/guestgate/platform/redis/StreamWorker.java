package io.guestgate.platform.redis;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * The life of a worker on a {@link StreamGroup}: on start it makes sure the group exists and runs its loops (readers,
 * each a consumer of its own, and loops that run every so often, such as claiming what dead instances held); on stop
 * the loops stop taking work and the work under way gets the shutdown grace to finish. A loop that hits an error
 * (Redis away) logs it, pauses and goes on. Subclasses say what their loops do and where their work runs.
 */
public abstract class StreamWorker implements SmartLifecycle {

    protected final Logger log = LoggerFactory.getLogger(getClass());

    private final String label;
    private final Duration pause;
    private final Duration shutdownGrace;

    private volatile boolean running;
    private Sinks.Empty<Void> stopping;
    private CountDownLatch finished;
    private Disposable loops;
    private Scheduler scheduler;

    /**
     * @param label         what the worker is called in the log, e.g. "Mail outbox"
     * @param pause         how long a loop waits after an error, and the most a stop waits for a read to end
     * @param shutdownGrace how long work under way may go on after a stop
     */
    protected StreamWorker(String label, Duration pause, Duration shutdownGrace) {
        this.label = label;
        this.pause = pause;
        this.shutdownGrace = shutdownGrace;
    }

    /** Makes sure the consumer group exists. */
    protected abstract Mono<Void> ensureGroup();

    /** Everything the worker does while it runs, built from {@link #readers} and {@link #every}. */
    protected abstract Mono<Void> loops();

    /** A new scheduler for the work; the worker disposes of it on stop. */
    protected abstract Scheduler newScheduler();

    /** Whether this instance works at all; a worker that does not logs why. */
    protected boolean canWork() {
        return true;
    }

    /** Logs what is still under way when the shutdown grace ran out. */
    protected void stillWorkingAtShutdown() {
        log.warn("{}: work still under way after {}; another instance takes it over", label, shutdownGrace);
    }

    @Override
    public synchronized void start() {
        if (running || !canWork()) {
            return;
        }
        running = true;
        stopping = Sinks.empty();
        finished = new CountDownLatch(1);
        scheduler = newScheduler();
        loops = ensureGroup()
                .onErrorResume(e -> pause("create the consumer group", e))
                .then(Mono.defer(this::loops))
                .doFinally(signal -> finished.countDown())
                .subscribe(null, e -> log.error("{} stopped unexpectedly: {}", label, e.toString()));
    }

    /** Stops taking work and gives the work under way the shutdown grace to finish. */
    @Override
    public void stop() {
        CountDownLatch done;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            stopping.tryEmitEmpty();
            done = finished;
        }
        try {
            if (!done.await(shutdownGrace.plus(pause).toMillis(), TimeUnit.MILLISECONDS)) {
                stillWorkingAtShutdown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            loops.dispose();
            scheduler.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Where the work runs while the worker does. */
    protected Scheduler scheduler() {
        return scheduler;
    }

    /**
     * {@code count} readers, consumers {@code <consumer>-0} to {@code <consumer>-<count - 1>}, each running
     * {@code round} for its name over and over. After a failed round the group is made sure of (Redis may have come
     * back empty) before the pause.
     */
    protected Mono<Void> readers(int count, String consumer, String what, Function<String, Mono<Void>> round) {
        return Flux.range(0, count)
                .flatMap(
                        slot -> {
                            String name = consumer + "-" + slot;
                            return Mono.defer(() -> round.apply(name))
                                    .onErrorResume(e -> ensureGroup()
                                            .onErrorResume(x -> Mono.empty())
                                            .then(pause(what, e)))
                                    .repeat(() -> running)
                                    .then();
                        },
                        count)
                .then();
    }

    /** Runs {@code round}, then waits {@code interval}, for as long as the worker runs. */
    protected Mono<Void> every(Duration interval, String what, Supplier<Mono<Void>> round) {
        return Mono.defer(round)
                .onErrorResume(e -> pause(what, e))
                .then(idle(interval))
                .repeat(() -> running)
                .then();
    }

    private Mono<Void> idle(Duration duration) {
        return Mono.delay(duration).then().takeUntilOther(stopping.asMono());
    }

    private Mono<Void> pause(String what, Throwable e) {
        log.warn("{} could not {}: {}", label, what, e.toString());
        return idle(pause);
    }
}
