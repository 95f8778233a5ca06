package io.guestgate.bot.invite.outbox;

import io.guestgate.platform.redis.StreamWorker;
import java.time.Clock;
import reactor.core.publisher.Mono;
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
final class OutboxWorker extends StreamWorker implements AutoCloseable {

    private static final int PROMOTE_LIMIT = 500;
    /** A consumer that holds nothing and has been idle this many claim idle times belongs to an instance gone. */
    private static final int PRUNE_AFTER_CLAIM_IDLES = 12;

    private final OutboxStream stream;
    private final EntryProcessor entries;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String consumer;
    private final boolean canSend;
    /** Open connections to the relay, or null where the mail sender is not Spring Boot's own. */
    private final SmtpConnections connections;

    OutboxWorker(
            OutboxStream stream,
            EntryProcessor entries,
            OutboxProperties properties,
            Clock clock,
            String consumer,
            boolean canSend,
            SmtpConnections connections) {
        // Reads end within the poll timeout; mails being sent get the shutdown timeout.
        super("Mail outbox", properties.pollTimeout(), properties.shutdownTimeout());
        this.stream = stream;
        this.entries = entries;
        this.properties = properties;
        this.clock = clock;
        this.consumer = consumer;
        this.canSend = canSend;
        this.connections = connections;
    }

    /** Stops sending, then hangs up on the relay. */
    @Override
    public void stop() {
        super.stop();
        if (connections != null) {
            connections.hangUp();
        }
    }

    /** When the application closes: the connections' pool goes too. */
    @Override
    public void close() {
        if (connections != null) {
            connections.close();
        }
    }

    String consumer() {
        return consumer;
    }

    @Override
    protected boolean canWork() {
        if (!properties.enabled() || !canSend) {
            log.info(
                    "Mail outbox is not sending on this instance ({}); invitations stay queued",
                    properties.enabled()
                            ? "no SMTP relay configured: set spring.mail.host"
                            : "guestgate.outbox.enabled=false");
            return false;
        }
        log.info("Mail outbox starts as consumer {} of group {}", consumer, properties.group());
        return true;
    }

    @Override
    protected Mono<Void> ensureGroup() {
        return stream.ensureGroup();
    }

    @Override
    protected Scheduler newScheduler() {
        return Schedulers.newBoundedElastic(properties.concurrency(), 100_000, "guestgate-mail", 60, true);
    }

    /**
     * Readers take one entry at a time: a slow mail holds up only its own reader, so the instance keeps
     * {@code concurrency} sends going as long as there is work. Each reader is a consumer of its own, so that what it
     * holds between two entries is plainly left over: an entry from a read that Redis carried out after the reader
     * had given up on it (during an outage). It sends those first. The claim round takes over what this consumer
     * still holds before what other instances' consumers held too long, then removes consumers of instances long
     * gone.
     */
    @Override
    protected Mono<Void> loops() {
        return Mono.when(
                readers(
                        properties.concurrency(),
                        consumer,
                        "read the outbox",
                        name -> stream.next(name)
                                .concatMap(pending -> entries.process(pending, name, scheduler()))
                                .then()),
                every(
                        properties.claimInterval(),
                        "claim stale outbox entries",
                        () -> stream.takeOver(consumer, properties.concurrency())
                                .flatMap(
                                        pending -> entries.process(pending, consumer, scheduler()),
                                        properties.concurrency())
                                .then(stream.prune(properties.claimIdle().multipliedBy(PRUNE_AFTER_CLAIM_IDLES)))
                                .then()),
                every(
                        properties.retryInterval(),
                        "schedule outbox retries",
                        () -> stream.promoteDue(clock.instant(), PROMOTE_LIMIT).then()));
    }
}
