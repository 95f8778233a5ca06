package io.guestgate.bot.chain;

import io.guestgate.bot.BotProperties;
import io.guestgate.platform.redis.StreamGroup;
import io.guestgate.platform.redis.StreamWorker;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Processes the events the intake took in ({@link IntakeQueue}), after their webhooks were answered. Every instance
 * reads the shared stream with {@code concurrency} readers, each a consumer of its own taking one event at a time;
 * an event is settled (acknowledged and deleted) once the chain is done with it, whatever the outcome, so it is
 * processed once. What stays behind:
 * <ul>
 * <li>an event a reader holds between two events came from a read Redis carried out after the reader had given up on
 * it (an outage): the reader takes it up first;</li>
 * <li>an event an instance held for longer than {@code claim-idle} belongs to an instance that died while processing
 * it: another instance claims it and processes it (so after such a crash, that command may run twice);</li>
 * <li>an event handed out more than {@value #MAX_DELIVERIES} times is given up, logged with its ids.</li>
 * </ul>
 * On shutdown the readers stop and the events being processed get the shutdown grace to finish; what does not finish
 * is taken over by another instance.
 */
@Component
public class EventProcessor extends StreamWorker {

    /** Below {@code spring.data.redis.timeout}, which bounds the blocking read. */
    static final Duration POLL = Duration.ofSeconds(1);

    static final int MAX_DELIVERIES = 3;
    /** Instances that hold nothing and have been idle this many claim idle times are gone. */
    private static final int PRUNE_AFTER_CLAIM_IDLES = 20;

    private final Function<WebhookEvent, Mono<Void>> chain;
    private final StreamGroup group;
    private final BotProperties.Intake settings;
    private final Set<String> processing = ConcurrentHashMap.newKeySet();

    @Autowired
    EventProcessor(EventChain chain, IntakeQueue queue, BotProperties properties) {
        this(chain::process, queue.group(), properties);
    }

    EventProcessor(Function<WebhookEvent, Mono<Void>> chain, StreamGroup group, BotProperties properties) {
        super("Event processing", POLL, properties.intake().shutdownGrace());
        this.chain = chain;
        this.group = group;
        this.settings = properties.intake();
    }

    /** Stop after the web server stopped taking requests, start before it takes them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    protected Mono<Void> ensureGroup() {
        return group.ensureGroup();
    }

    @Override
    protected Scheduler newScheduler() {
        return Schedulers.newBoundedElastic(settings.concurrency(), 10_000, "bot-events", 60, true);
    }

    @Override
    protected Mono<Void> loops() {
        String consumer = StreamGroup.instanceName(settings.consumerName());
        return Mono.when(
                readers(
                        settings.concurrency(),
                        consumer,
                        "read taken-in events",
                        name -> group.next(name, POLL).concatMap(this::process).then()),
                every(
                        settings.claimIdle().dividedBy(4),
                        "claim events of instances gone",
                        () -> group.takeOver(consumer, settings.claimIdle(), settings.concurrency())
                                .flatMap(this::process, settings.concurrency())
                                .then(group.prune(settings.claimIdle().multipliedBy(PRUNE_AFTER_CLAIM_IDLES)))
                                .then()));
    }

    @Override
    protected void stillWorkingAtShutdown() {
        processing.forEach(id -> log.warn(
                "Event {} still being processed at shutdown; another instance takes it " + "over after {}",
                id,
                settings.claimIdle()));
    }

    private Mono<Void> process(StreamGroup.Entry entry) {
        WebhookEvent event;
        try {
            event = IntakeQueue.event(entry.fields());
        } catch (IllegalArgumentException malformed) {
            log.warn("Dropping malformed taken-in event {}", entry.id());
            return settle(entry);
        }
        if (entry.deliveries() > MAX_DELIVERIES) {
            log.error(
                    "Event {} {} from person {} in space {} was handed out {} times without finishing; given up",
                    event.kind(),
                    event.dataId(),
                    event.personId(),
                    event.roomId(),
                    entry.deliveries());
            return settle(entry);
        }
        processing.add(entry.id());
        return Mono.defer(() -> chain.apply(event))
                .subscribeOn(scheduler())
                .timeout(settings.processingTimeout())
                .doOnError(error -> log.error(
                        "Event {} {} ({} {}, {} {}) failed and got no answer: {}",
                        event.kind(),
                        event.dataId(),
                        event.isAboutAMeeting() ? "host" : "person",
                        event.personId(),
                        event.isAboutAMeeting() ? "meeting" : "space",
                        event.roomId(),
                        error.toString()))
                .onErrorResume(error -> Mono.empty())
                .then(settle(entry))
                .doFinally(signal -> processing.remove(entry.id()));
    }

    /**
     * Settles the entry, trying again for a while if Redis is away: left unsettled, the reader would take it up
     * again and the organizer would get a second answer.
     */
    private Mono<Void> settle(StreamGroup.Entry entry) {
        return group.settle(entry.id())
                .retryWhen(Retry.backoff(30, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(2)))
                .onErrorResume(e -> {
                    log.warn(
                            "Event entry {} processed but not settled in Redis; it may be processed again: {}",
                            entry.id(),
                            e.toString());
                    return Mono.empty();
                });
    }
}
