package io.guestgate.bot.invite.outbox;

import io.guestgate.domain.invitation.DeliveryStatus;
import io.guestgate.platform.metrics.GuestgateMetrics;
import io.guestgate.platform.redis.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * What happens to one entry a worker took: send it, then settle it in the stream: acknowledged as sent or no longer
 * needed, put back for a retry with backoff, or kept as a dead letter; and once a batch is complete, the report.
 */
final class EntryProcessor {

    private static final Logger log = LoggerFactory.getLogger(EntryProcessor.class);

    private final OutboxStream stream;
    private final InvitationDelivery delivery;
    private final BatchReports reports;
    private final GuestgateMetrics metrics;
    private final OutboxProperties properties;
    private final Clock clock;

    EntryProcessor(
            OutboxStream stream,
            InvitationDelivery delivery,
            BatchReports reports,
            GuestgateMetrics metrics,
            OutboxProperties properties,
            Clock clock) {
        this.stream = stream;
        this.delivery = delivery;
        this.reports = reports;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sends one entry that {@code consumer} holds and settles it. Errors leave it pending: its reader takes it up
     * again, or another instance claims it after the claim idle time.
     */
    Mono<Void> process(OutboxStream.Pending pending, String consumer, Scheduler mailScheduler) {
        if (pending.entry() == null) {
            log.warn("Dropping malformed outbox entry {}", pending.id());
            return stream.drop(pending.id());
        }
        if (pending.deliveries() > properties.maxAttempts()) {
            // Handed out again and again without ever being settled: whatever happens to it (a crash, an error
            // before the send), it would go on forever. Give up on it like on a mail that kept failing.
            return settle(pending, consumer, new SendOutcome.Failed(SendFailures.OTHER, true));
        }
        return delivery.deliver(pending.entry(), mailScheduler)
                .flatMap(outcome -> settle(pending, consumer, outcome))
                .onErrorResume(e -> {
                    // The type only: messages of parse errors quote stored data, which holds names and addresses.
                    log.warn(
                            "Outbox entry {} (invitation {}) not settled, another attempt follows: {}",
                            pending.id(),
                            pending.entry().invitationId(),
                            e.getClass().getName());
                    return Mono.empty();
                });
    }

    private Mono<Void> settle(OutboxStream.Pending pending, String consumer, SendOutcome outcome) {
        OutboxEntry entry = pending.entry();
        String kind = entry.purpose().kind().name().toLowerCase(Locale.ROOT);
        if (outcome instanceof SendOutcome.Sent) {
            metrics.invitationSent(kind);
            return report(entry, stream.done(consumer, pending, true));
        }
        if (!(outcome instanceof SendOutcome.Failed failed)) {
            return report(entry, stream.done(consumer, pending, false));
        }
        boolean giveUp = failed.permanent() || entry.attempt() >= properties.maxAttempts();
        metrics.invitationFailed(kind, giveUp);
        if (!giveUp) {
            Duration wait = properties.backoffBefore(
                    entry.attempt() + 1, ThreadLocalRandom.current().nextDouble());
            log.info(
                    "Mail for invitation {} failed ({}), attempt {} of {}; next in {}",
                    entry.invitationId(),
                    failed.reason(),
                    entry.attempt(),
                    properties.maxAttempts(),
                    wait);
            return delivery.record(entry.invitationId(), DeliveryStatus.PENDING, "retrying:" + failed.reason())
                    .onErrorResume(e -> Mono.empty())
                    .then(stream.retryLater(consumer, pending, clock.instant().plus(wait)))
                    .then();
        }
        log.warn(
                "Mail for invitation {} failed for good ({}) after {} attempt(s); kept as dead letter",
                entry.invitationId(),
                failed.reason(),
                entry.attempt());
        return delivery.record(entry.invitationId(), DeliveryStatus.FAILED, failed.reason())
                .onErrorResume(e -> Mono.empty())
                .then(report(
                        entry,
                        stream.dead(
                                consumer,
                                pending,
                                BatchReports.failureLine(failed.recipient(), failed.reason()),
                                deadLetter(pending, failed))));
    }

    private Mono<Void> report(OutboxEntry entry, Mono<OutboxStream.BatchState> settled) {
        return settled.filter(OutboxStream.BatchState::report).flatMap(state -> reports.report(entry.batchId(), state));
    }

    private String deadLetter(OutboxStream.Pending pending, SendOutcome.Failed failed) {
        Map<String, String> letter = new LinkedHashMap<>(pending.entry().fields());
        letter.put("origin", pending.id());
        letter.put("reason", failed.reason());
        letter.put("failedAt", clock.instant().toString());
        return Json.write(letter);
    }
}
