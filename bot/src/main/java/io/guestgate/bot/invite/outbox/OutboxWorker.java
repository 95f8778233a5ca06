package io.guestgate.bot.invite.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Sends what the outbox holds. Three loops run while the application does:
 * <ul>
 * <li>read new entries ({@code XREADGROUP}) and send them, {@code concurrency} readers at a time;</li>
 * <li>claim entries another consumer has held too long ({@code XAUTOCLAIM}): that instance died mid-send;</li>
 * <li>put retries that are due back on the stream.</li>
 * </ul>
 * An entry is acknowledged only after the SMTP relay accepted its mail, so delivery is at-least-once. On shutdown the
 * loops stop taking work and mails already being sent may finish, up to the shutdown timeout.
 */
final class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int PROMOTE_LIMIT = 500;
    /** A consumer that holds nothing and has been idle this many claim idle times belongs to an instance gone. */
    private static final int PRUNE_AFTER_CLAIM_IDLES = 12;

    private final OutboxStream stream;
    private final EntryProcessor entries;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String consumer;
    private final boolean canSend;

    private volatile boolean running;
    private Sinks.Empty<Void> stopping;
    private CountDownLatch finished;
    private Disposable loops;
    private Scheduler mailScheduler;

    OutboxWorker(OutboxStream stream, EntryProcessor entries, OutboxProperties properties, Clock clock,
            String consumer, boolean canSend) {
        this.stream = stream;
        this.entries = entries;
        this.properties = properties;
        this.clock = clock;
        this.consumer = consumer;
        this.canSend = canSend;
    }

    String consumer() {
        return consumer;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        if (!properties.enabled() || !canSend) {
            log.info("Mail outbox is not sending on this instance ({}); invitations stay queued",
                    properties.enabled() ? "no SMTP relay configured: set spring.mail.host" : "guestgate.outbox.enabled=false");
            return;
        }
        running = true;
        stopping = Sinks.empty();
        finished = new CountDownLatch(1);
        mailScheduler = Schedulers.newBoundedElastic(properties.concurrency(), 100_000, "guestgate-mail", 60, true);
        loops = stream.ensureGroup()
                .onErrorResume(e -> pause("create the consumer group", e))
                .thenMany(Flux.merge(readLoop(), claimLoop(), retryLoop()))
                .doFinally(signal -> finished.countDown())
                .subscribe(null, e -> log.error("Mail outbox stopped unexpectedly: {}", e.toString()));
        log.info("Mail outbox started as consumer {} of group {}", consumer, properties.group());
    }

    @Override
    public void stop() {
        Disposable toDispose;
        CountDownLatch done;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            stopping.tryEmitEmpty();
            toDispose = loops;
            done = finished;
        }
        try {
            // Reads end within the poll timeout; mails being sent get the rest of the shutdown timeout.
            Duration wait = properties.shutdownTimeout().plus(properties.pollTimeout());
            if (!done.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Mail outbox: sends still running after {}; their entries will be claimed by another "
                        + "instance", properties.shutdownTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            toDispose.dispose();
            mailScheduler.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * {@code concurrency} readers, each taking one entry at a time: a slow mail holds up only its own reader, so the
     * instance keeps that many sends going as long as there is work. Each reader is a consumer of its own, so that
     * what it holds between two entries is plainly left over: an entry from a read that Redis carried out after the
     * reader had given up on it (during an outage). It sends those first.
     */
    private Mono<Void> readLoop() {
        return Flux.range(0, properties.concurrency())
                .flatMap(slot -> reader(consumer + "-" + slot), properties.concurrency())
                .then();
    }

    private Mono<Void> reader(String name) {
        return Mono.defer(() -> stream.next(name)
                        .concatMap(pending -> entries.process(pending, name, mailScheduler))
                        .then())
                .onErrorResume(e -> stream.ensureGroup().onErrorResume(x -> Mono.empty())
                        .then(pause("read the outbox", e)))
                .repeat(() -> running)
                .then();
    }

    /**
     * Takes over entries that consumers of other instances held for longer than the claim idle time (that instance
     * died mid-send), after any that this loop itself still holds; and removes consumers of instances long gone.
     */
    private Mono<Void> claimLoop() {
        return Mono.defer(() -> stream.takeOver(consumer, properties.concurrency())
                        .flatMap(pending -> entries.process(pending, consumer, mailScheduler),
                                properties.concurrency())
                        .then(stream.prune(properties.claimIdle().multipliedBy(PRUNE_AFTER_CLAIM_IDLES))))
                .onErrorResume(e -> pause("claim stale outbox entries", e))
                .then(idle(properties.claimInterval()))
                .repeat(() -> running)
                .then();
    }

    private Mono<Void> retryLoop() {
        return Mono.defer(() -> stream.promoteDue(clock.instant(), PROMOTE_LIMIT))
                .onErrorResume(e -> pause("schedule outbox retries", e).then(Mono.empty()))
                .then(idle(properties.retryInterval()))
                .repeat(() -> running)
                .then();
    }

    private Mono<Void> idle(Duration duration) {
        return Mono.delay(duration).then().takeUntilOther(stopping.asMono());
    }

    private <T> Mono<T> pause(String what, Throwable e) {
        log.warn("Mail outbox could not {}: {}", what, e.toString());
        return idle(properties.pollTimeout()).then(Mono.empty());
    }
}
