package io.guestgate.bot.invite.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.guestgate.guestlist.invitation.DeliveryStatus;
import io.guestgate.guestlist.metrics.GuestgateMetrics;
import io.guestgate.guestlist.redis.Json;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Sends what the outbox holds. Three loops run while the application does:
 * <ul>
 * <li>read new entries for this consumer ({@code XREADGROUP}) and send them, {@code concurrency} at a time;</li>
 * <li>claim entries another consumer has held too long ({@code XAUTOCLAIM}): that instance died mid-send;</li>
 * <li>put retries that are due back on the stream.</li>
 * </ul>
 * An entry is acknowledged only after the SMTP relay accepted its mail, so delivery is at-least-once. On shutdown the
 * loops stop taking work and mails already being sent may finish, up to the shutdown timeout.
 */
final class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int PROMOTE_LIMIT = 500;

    private final OutboxStream stream;
    private final InvitationDelivery delivery;
    private final BatchReports reports;
    private final GuestgateMetrics metrics;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String consumer;
    private final boolean canSend;

    private volatile boolean running;
    private Sinks.Empty<Void> stopping;
    private CountDownLatch finished;
    private Disposable loops;
    private Scheduler mailScheduler;

    OutboxWorker(OutboxStream stream, InvitationDelivery delivery, BatchReports reports, GuestgateMetrics metrics,
            OutboxProperties properties, Clock clock, String consumer, boolean canSend) {
        this.stream = stream;
        this.delivery = delivery;
        this.reports = reports;
        this.metrics = metrics;
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
     * instance keeps that many sends going as long as there is work.
     */
    private Mono<Void> readLoop() {
        return Flux.range(0, properties.concurrency())
                .flatMap(reader -> Mono.defer(() -> stream.read(consumer, 1).concatMap(this::process).then())
                        .onErrorResume(e -> stream.ensureGroup().onErrorResume(x -> Mono.empty())
                                .then(pause("read the outbox", e)))
                        .repeat(() -> running)
                        .then(), properties.concurrency())
                .then();
    }

    private Mono<Void> claimLoop() {
        return Mono.defer(() -> stream.claim(consumer, properties.concurrency())
                        .flatMap(this::process, properties.concurrency())
                        .then())
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

    /** Sends one entry and settles it. Errors leave it pending, to be claimed after the claim idle time. */
    Mono<Void> process(OutboxStream.Pending pending) {
        if (pending.entry() == null) {
            log.warn("Dropping malformed outbox entry {}", pending.id());
            return stream.drop(pending.id());
        }
        if (pending.deliveries() > properties.maxAttempts()) {
            // Handed out again and again without ever being settled: whatever happens to it (a crash, an error
            // before the send), it would go on forever. Give up on it like on a mail that kept failing.
            return settle(pending, new Outcome.Failed(Failures.OTHER, true));
        }
        return delivery.deliver(pending.entry(), mailScheduler)
                .flatMap(outcome -> settle(pending, outcome))
                .onErrorResume(e -> {
                    // The type only: messages of parse errors quote stored data, which holds names and addresses.
                    log.warn("Outbox entry {} (invitation {}) not settled, another attempt follows: {}",
                            pending.id(), pending.entry().invitationId(), e.getClass().getName());
                    return Mono.empty();
                });
    }

    private Mono<Void> settle(OutboxStream.Pending pending, Outcome outcome) {
        OutboxEntry entry = pending.entry();
        String kind = entry.purpose().kind().name().toLowerCase(Locale.ROOT);
        if (outcome instanceof Outcome.Sent) {
            metrics.invitationSent(kind);
            return report(entry, stream.done(consumer, pending, true));
        }
        if (!(outcome instanceof Outcome.Failed failed)) {
            return report(entry, stream.done(consumer, pending, false));
        }
        boolean giveUp = failed.permanent() || entry.attempt() >= properties.maxAttempts();
        metrics.invitationFailed(kind, giveUp);
        if (!giveUp) {
            Duration wait = properties.backoffBefore(entry.attempt() + 1, ThreadLocalRandom.current().nextDouble());
            log.info("Mail for invitation {} failed ({}), attempt {} of {}; next in {}", entry.invitationId(),
                    failed.reason(), entry.attempt(), properties.maxAttempts(), wait);
            return delivery.record(entry.invitationId(), DeliveryStatus.PENDING, "retrying:" + failed.reason())
                    .onErrorResume(e -> Mono.empty())
                    .then(stream.retryLater(consumer, pending, clock.instant().plus(wait)))
                    .then();
        }
        log.warn("Mail for invitation {} failed for good ({}) after {} attempt(s); kept as dead letter",
                entry.invitationId(), failed.reason(), entry.attempt());
        return delivery.record(entry.invitationId(), DeliveryStatus.FAILED, failed.reason())
                .onErrorResume(e -> Mono.empty())
                .then(report(entry, stream.dead(consumer, pending,
                        BatchReports.failureLine(failed.recipient(), failed.reason()), deadLetter(pending, failed))));
    }

    private Mono<Void> report(OutboxEntry entry, Mono<OutboxStream.BatchState> settled) {
        return settled
                .filter(OutboxStream.BatchState::report)
                .flatMap(state -> reports.report(entry.batchId(), state));
    }

    private String deadLetter(OutboxStream.Pending pending, Outcome.Failed failed) {
        Map<String, String> letter = new LinkedHashMap<>(pending.entry().fields());
        letter.put("origin", pending.id());
        letter.put("reason", failed.reason());
        letter.put("failedAt", clock.instant().toString());
        return Json.write(letter);
    }

    private Mono<Void> idle(Duration duration) {
        return Mono.delay(duration).then().takeUntilOther(stopping.asMono());
    }

    private <T> Mono<T> pause(String what, Throwable e) {
        log.warn("Mail outbox could not {}: {}", what, e.toString());
        return idle(properties.pollTimeout()).then(Mono.empty());
    }
}
