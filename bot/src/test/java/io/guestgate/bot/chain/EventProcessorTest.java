package io.guestgate.bot.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.guestgate.bot.BotProperties;
import io.guestgate.bot.BotTestWorld;
import io.guestgate.bot.chain.WebhookEvent.Kind;
import io.guestgate.bot.i18n.Language;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class EventProcessorTest {

    private final Sinks.Empty<Void> release = Sinks.empty();
    private final List<String> started = new CopyOnWriteArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private EventProcessor processor;

    @AfterEach
    void stop() {
        release.tryEmitEmpty();
        if (processor != null && processor.isRunning()) {
            processor.stop();
        }
    }

    @Test
    void processesAtMostConcurrencyAtOnceAndRefusesWhenTheQueueIsFull() {
        processor = new EventProcessor(this::slow, properties(2, 2));
        processor.start();

        for (int i = 1; i <= 4; i++) {
            assertThat(processor.offer(event("M" + i))).as("event %d", i).isTrue();
        }
        BotTestWorld.await(Duration.ofSeconds(5), () -> started.size() == 2);

        assertThat(processor.offer(event("M5"))).isFalse();
        assertThat(mostAtOnce.get()).isEqualTo(2);

        release.tryEmitEmpty();
        BotTestWorld.await(Duration.ofSeconds(5), () -> started.size() == 4);
        assertThat(started).containsExactlyInAnyOrder("M1", "M2", "M3", "M4");
        assertThat(mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void aFailingEventDoesNotStopTheOthers() {
        processor = new EventProcessor(event -> {
            started.add(event.dataId());
            return event.dataId().equals("BAD") ? Mono.error(new IllegalStateException("boom")) : Mono.empty();
        }, properties(1, 4));
        processor.start();

        processor.offer(event("BAD"));
        processor.offer(event("GOOD"));

        BotTestWorld.await(Duration.ofSeconds(5), () -> started.size() == 2);
        assertThat(started).containsExactly("BAD", "GOOD");
    }

    @Test
    void refusesEventsOnceStopped() {
        processor = new EventProcessor(event -> Mono.empty(), properties(1, 4));
        processor.start();
        processor.stop();

        assertThat(processor.offer(event("LATE"))).isFalse();
    }

    private Mono<Void> slow(WebhookEvent event) {
        return Mono.defer(() -> {
            started.add(event.dataId());
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            return release.asMono();
        }).doOnTerminate(running::decrementAndGet);
    }

    private static WebhookEvent event(String id) {
        return new WebhookEvent(Kind.MESSAGE, id, "R1", "P1", "o@example.com");
    }

    private static BotProperties properties(int concurrency, int queue) {
        return new BotProperties(List.of(), Language.EN, new BotProperties.Intake(Duration.ofHours(1), Duration.ofSeconds(30), concurrency,
                queue, Duration.ofSeconds(10), Duration.ofMillis(200)));
    }
}
