package io.guestgate.bot.chain;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.guestgate.bot.BotProperties;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Processes accepted events after their webhook was answered: at most {@code concurrency} at once, at most
 * {@code queue-capacity} waiting. When the queue is full, {@link #offer} says so and the webhook is answered 503, so
 * Webex delivers again later. An accepted event that fails, times out, or is still waiting at shutdown is logged
 * with its ids, never dropped silently.
 */
@Component
public class EventProcessor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventProcessor.class);

    private final Function<WebhookEvent, Mono<Void>> chain;
    private final BotProperties.Intake settings;
    private final Set<WebhookEvent> accepted = ConcurrentHashMap.newKeySet();
    private final Sinks.Many<WebhookEvent> queue;
    private final Scheduler scheduler;
    private volatile Disposable worker;
    private volatile boolean running;

    @Autowired
    EventProcessor(EventChain chain, BotProperties properties) {
        this(chain::process, properties);
    }

    EventProcessor(Function<WebhookEvent, Mono<Void>> chain, BotProperties properties) {
        this.chain = chain;
        this.settings = properties.intake();
        this.queue = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(settings.queueCapacity()));
        this.scheduler = Schedulers.newBoundedElastic(settings.concurrency(), settings.queueCapacity(), "bot-events");
    }

    /** Takes the event for processing; false when the bot is overloaded or shutting down (answer 503). */
    public boolean offer(WebhookEvent event) {
        if (!running) {
            return false;
        }
        accepted.add(event);
        Sinks.EmitResult result;
        // The sink takes one emitter at a time; webhooks arrive on many threads.
        synchronized (queue) {
            result = queue.tryEmitNext(event);
        }
        if (result.isFailure()) {
            accepted.remove(event);
            log.warn("Event {} {} refused ({}): the bot is busy, Webex will deliver it again", event.kind(),
                    event.dataId(), result);
            return false;
        }
        return true;
    }

    private Mono<Void> process(WebhookEvent event) {
        return Mono.defer(() -> chain.apply(event))
                .subscribeOn(scheduler)
                .timeout(settings.processingTimeout())
                .doOnError(error -> log.error("Event {} {} from person {} in space {} failed and got no answer: {}",
                        event.kind(), event.dataId(), event.personId(), event.roomId(), error.toString()))
                .onErrorResume(error -> Mono.empty())
                .doFinally(signal -> accepted.remove(event));
    }

    @Override
    public void start() {
        worker = queue.asFlux().flatMap(this::process, settings.concurrency()).subscribe();
        running = true;
    }

    /** Stops taking events and gives those accepted the grace period to finish. */
    @Override
    public void stop() {
        running = false;
        synchronized (queue) {
            queue.tryEmitComplete();
        }
        long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
        while (!accepted.isEmpty() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(50));
        }
        if (!accepted.isEmpty()) {
            accepted.forEach(event -> log.error("Event {} {} from person {} in space {} was accepted but not "
                    + "processed before shutdown", event.kind(), event.dataId(), event.personId(), event.roomId()));
        }
        if (worker != null) {
            worker.dispose();
        }
        scheduler.dispose();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop after the web server stopped taking requests, start before it takes them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
